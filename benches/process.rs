//! The whole program as a script uses it. Targets (README): `renew plan …
//! --format json` costs no more than 1.5x `renew --version`, measured side
//! by side, and stays under 20 MiB peak memory; against the floor for any
//! command-line start, a Rust hello-world built here with the release
//! profile's settings, `renew plan --region 海西 …` ≤ 2.5× and a plan asked
//! by pinyin ≤ 3×; the wizard's first frame, in a pseudo-terminal, ≤ 3×
//! the hello-world's line there; a place and a disease both by pinyin
//! (西安, 高血压 through the national vocabulary) is timed beside them.

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

/// The two start-up targets, side by side with the floor in one
/// interleaved run: `plan --region 海西` ≤ 2.5× and a plan asked by pinyin,
/// `--region changsha`, ≤ 3× the hello-world. Wall-clock per process as a
/// caller sees it (spawn to exit), and CPU time (user + system) of the
/// process alone, which a busy machine disturbs less.
fn start_up(c: &mut Criterion) {
    let hello = hello_world();
    let by_pinyin: Vec<&str> = PLAN_BY_PINYIN
        .iter()
        .map(|a| if *a == "shijiazhuang" { "changsha" } else { a })
        .collect();
    let mut group = c.benchmark_group("start-up");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("renew plan --region changsha", |b| {
        b.iter(|| run(&by_pinyin))
    });
    group.finish();
    let runs: [(&str, &std::path::Path, &[&str]); 3] = [
        ("hello-world", &hello, &[]),
        (
            "plan --region 海西",
            std::path::Path::new(EXE),
            &PLAN_BY_NAME,
        ),
        (
            "plan --region changsha",
            std::path::Path::new(EXE),
            &by_pinyin,
        ),
    ];
    let mut wall = [Duration::ZERO; 3];
    let mut cpu = [Duration::ZERO; 3];
    for _ in 0..300 {
        for (i, (_, exe, args)) in runs.iter().enumerate() {
            let (w, c) = timed(exe, args);
            wall[i] += w;
            cpu[i] += c;
        }
    }
    let mut line = String::from("start-up side by side over 300 runs (wall; cpu):");
    for (i, (name, _, _)) in runs.iter().enumerate() {
        line.push_str(&format!(
            " {name} {:.2} ms ({:.2}x); {:.2} ms ({:.2}x);",
            wall[i].as_secs_f64() * 1000.0 / 300.0,
            wall[i].as_secs_f64() / wall[0].as_secs_f64(),
            cpu[i].as_secs_f64() * 1000.0 / 300.0,
            cpu[i].as_secs_f64() / cpu[0].as_secs_f64(),
        ));
    }
    println!("{line} targets 海西 <= 2.5x, changsha <= 3x");
}

/// One run of `exe`: wall-clock from spawn to exit, and the CPU time
/// (user + system) the kernel counted for it.
// The child is waited for with wait4, which also gives its CPU time.
#[allow(clippy::zombie_processes)]
fn timed(exe: &std::path::Path, args: &[&str]) -> (Duration, Duration) {
    let t = Instant::now();
    let child = Command::new(exe)
        .args(args)
        .env("RENEW_DATA_DIR", std::env::temp_dir().join("renew-bench"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value to be filled in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our child, not yet waited for; both pointers are valid.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = t.elapsed();
    assert!(waited == pid && status == 0, "{} {args:?}", exe.display());
    let time = |tv: libc::timeval| {
        Duration::from_secs(tv.tv_sec as u64) + Duration::from_micros(tv.tv_usec as u64)
    };
    (wall, time(usage.ru_utime) + time(usage.ru_stime))
}

/// The time from starting `exe` in an 80×24 pseudo-terminal until its
/// screen shows `text`: for the wizard, its first frame (the first
/// question); for the hello-world, its one line. The program is then
/// killed (the wizard waits for keys).
fn until_screen_shows(exe: &std::path::Path, args: &[&str], text: &str) -> Duration {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let data = std::env::temp_dir().join("renew-bench-frame");
    std::fs::create_dir_all(&data).unwrap();
    let mut cmd = CommandBuilder::new(exe);
    cmd.args(args);
    cmd.env_clear();
    cmd.env("HOME", &data);
    cmd.env("RENEW_DATA_DIR", &data);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    let mut reader = pair.master.try_clone_reader().unwrap();
    let started = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    let mut screen = vt100::Parser::new(
        std::num::NonZero::new(24).unwrap(),
        std::num::NonZero::new(80).unwrap(),
        0,
    );
    let mut buf = [0u8; 65536];
    let took = loop {
        let n = reader.read(&mut buf).unwrap_or(0);
        assert!(n > 0, "{} ended before showing {text:?}", exe.display());
        screen.process(&buf[..n]);
        if screen.screen().contents().contains(text) {
            break started.elapsed();
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    took
}

/// The wizard's first frame (the first question, on the data built in)
/// against a hello-world's one line, both through a pseudo-terminal,
/// interleaved. Target (README): within 3× the hello-world.
fn first_frame(c: &mut Criterion) {
    let hello = hello_world();
    let renew = std::path::Path::new(EXE);
    let wizard = ["--today", "2026-01-15"];
    let question = "您在哪个地区参保";
    let mut group = c.benchmark_group("first frame");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("hello-world in a pty", |b| {
        b.iter(|| until_screen_shows(&hello, &[], "hello"))
    });
    group.bench_function("renew wizard, first frame", |b| {
        b.iter(|| until_screen_shows(renew, &wizard, question))
    });
    group.finish();
    let (mut floor, mut frame) = (Duration::ZERO, Duration::ZERO);
    for _ in 0..100 {
        floor += until_screen_shows(&hello, &[], "hello");
        frame += until_screen_shows(renew, &wizard, question);
    }
    println!(
        "side by side over 100 runs in a pty: hello-world {:.2} ms; wizard's first frame {:.2} ms \
         ({:.2}x, target <= 3)",
        floor.as_secs_f64() * 10.0,
        frame.as_secs_f64() * 10.0,
        frame.as_secs_f64() / floor.as_secs_f64()
    );
}

criterion_group!(process_benches, benches);
criterion_group!(frame_benches, start_up, first_frame);
criterion_main!(process_benches, frame_benches);
