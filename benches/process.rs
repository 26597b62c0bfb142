//! The whole program as a script uses it. Target (README): `renew plan …
//! --format json` costs no more than 1.5x `renew --version`, measured side
//! by side, and stays under 20 MiB peak memory.

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
