//! The whole program as a script uses it. Targets (README): `renew plan …
//! --format json` costs no more than 1.5x `renew --version`, measured side
//! by side, and stays under 20 MiB peak memory; against the floor for any
//! command-line start, a Rust hello-world built here with the release
//! profile's settings, `renew plan --region 海西 …` ≤ 2.5× and a plan asked
//! by pinyin ≤ 3×; a place and a disease both by pinyin (西安, 高血压 through
//! the national vocabulary) is timed beside them.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

const EXE: &str = env!("CARGO_BIN_EXE_renew");
const PLAN: [&str; 12] = [
    "plan",
    "--region",
    "qinghai-haixi",
    "--scheme",
    "employee",
    "--disease",
    "diabetes",
    "--end",
    "2026-03-31",
    "--today",
    "2026-01-15",
    "--format",
];

fn run(args: &[&str]) {
    let status = Command::new(EXE)
        .args(args)
        .env("RENEW_DATA_DIR", std::env::temp_dir().join("renew-bench"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

/// The floor: `fn main() { println!("hello") }` built with rustc at
/// `-O`, fat LTO, one codegen unit and stripped symbols, as renew ships.
fn hello_world() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join("renew-bench-hello");
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("hello.rs");
    std::fs::write(&src, "fn main() { println!(\"hello\"); }\n").unwrap();
    let exe = dir.join("hello");
    let status = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .args([
            "-C",
            "opt-level=3",
            "-C",
            "lto=fat",
            "-C",
            "codegen-units=1",
        ])
        .args(["-C", "strip=symbols", "--edition", "2024", "-o"])
        .arg(&exe)
        .arg(&src)
        .status()
        .unwrap();
    assert!(status.success(), "rustc could not build the hello-world");
    exe
}

fn run_exe(exe: &std::path::Path, args: &[&str]) {
    let status = Command::new(exe)
        .args(args)
        .env("RENEW_DATA_DIR", std::env::temp_dir().join("renew-bench"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "{} {args:?}", exe.display());
}

/// A plan for 海西 by its name, as a person types it (text output).
const PLAN_BY_NAME: [&str; 11] = [
    "plan",
    "--region",
    "海西",
    "--scheme",
    "employee",
    "--disease",
    "tnb",
    "--end",
    "2026-03-31",
    "--today",
    "2026-01-15",
];

/// The same asked by pinyin, which the search over every region file and
/// place answers (石家庄 → the generic plan).
const PLAN_BY_PINYIN: [&str; 11] = [
    "plan",
    "--region",
    "shijiazhuang",
    "--scheme",
    "employee",
    "--disease",
    "tnb",
    "--end",
    "2026-03-31",
    "--today",
    "2026-01-15",
];

/// A place by pinyin and a disease its list does not name, by pinyin (西安,
/// 高血压 → its 其他病种): the place readings' index and the national
/// vocabulary's index, both built for this one question.
const PLAN_BY_PINYIN_VOCABULARY: [&str; 11] = [
    "plan",
    "--region",
    "xian",
    "--scheme",
    "employee",
    "--disease",
    "gaoxueya",
    "--end",
    "2026-07-31",
    "--today",
    "2026-05-06",
];

fn plan_json() {
    run(&[&PLAN[..], &["json"]].concat());
}

/// Runs `args` under GNU time and returns the program's peak resident
/// memory in KiB (`None` where GNU time is not installed).
fn peak_rss_kib(args: &[&str]) -> Option<i64> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M", EXE])
        .args(args)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("process");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("renew --version", |b| b.iter(|| run(&["--version"])));
    group.bench_function("renew plan --format json", |b| b.iter(plan_json));
    group.finish();

    // Side by side, interleaved, so machine noise hits both alike.
    let (mut version, mut plan) = (Duration::ZERO, Duration::ZERO);
    for _ in 0..200 {
        let t = Instant::now();
        run(&["--version"]);
        version += t.elapsed();
        let t = Instant::now();
        plan_json();
        plan += t.elapsed();
    }
    println!(
        "side by side over 200 runs: --version {:.2} ms, plan json {:.2} ms, ratio {:.2} (target <= 1.5)",
        version.as_secs_f64() * 5.0,
        plan.as_secs_f64() * 5.0,
        plan.as_secs_f64() / version.as_secs_f64()
    );
    // Against the floor: a hello-world, side by side, interleaved.
    let hello = hello_world();
    let mut group = c.benchmark_group("process vs hello-world");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("hello-world", |b| b.iter(|| run_exe(&hello, &[])));
    group.bench_function("renew plan --region 海西", |b| {
        b.iter(|| run(&PLAN_BY_NAME))
    });
    group.bench_function("renew plan --region shijiazhuang", |b| {
        b.iter(|| run(&PLAN_BY_PINYIN))
    });
    group.bench_function("renew plan --region xian --disease gaoxueya", |b| {
        b.iter(|| run(&PLAN_BY_PINYIN_VOCABULARY))
    });
    group.finish();
    let mut totals = [Duration::ZERO; 5];
    for _ in 0..200 {
        let t = Instant::now();
        run_exe(&hello, &[]);
        totals[0] += t.elapsed();
        let t = Instant::now();
        run(&["--version"]);
        totals[1] += t.elapsed();
        let t = Instant::now();
        run(&PLAN_BY_NAME);
        totals[2] += t.elapsed();
        let t = Instant::now();
        run(&PLAN_BY_PINYIN);
        totals[3] += t.elapsed();
        let t = Instant::now();
        run(&PLAN_BY_PINYIN_VOCABULARY);
        totals[4] += t.elapsed();
    }
    let ms = |d: Duration| d.as_secs_f64() * 5.0;
    let ratio = |d: Duration| d.as_secs_f64() / totals[0].as_secs_f64();
    println!(
        "side by side over 200 runs: hello-world {:.2} ms; renew --version {:.2} ms ({:.2}x); \
         plan --region 海西 {:.2} ms ({:.2}x, target <= 2.5); plan --region shijiazhuang {:.2} ms \
         ({:.2}x, target <= 3); plan --region xian --disease gaoxueya {:.2} ms ({:.2}x)",
        ms(totals[0]),
        ms(totals[1]),
        ratio(totals[1]),
        ms(totals[2]),
        ratio(totals[2]),
        ms(totals[3]),
        ratio(totals[3]),
        ms(totals[4]),
        ratio(totals[4]),
    );

    match peak_rss_kib(&[&PLAN[..], &["json"]].concat()) {
        Some(kib) => println!(
            "peak memory of renew plan --format json: {:.1} MiB (target < 20)",
            kib as f64 / 1024.0
        ),
        None => println!("peak memory: /usr/bin/time (GNU time) is not installed"),
    }
}

criterion_group!(process_benches, benches);
criterion_main!(process_benches);
