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

/// Runs `args` and returns the peak resident memory of that process, in
/// KiB. GNU time measures the program after exec; `wait4` from this
/// (much larger) process would also count the pages of the fork before
/// exec, so it is only the fallback.
fn peak_rss_kib(args: &[&str]) -> i64 {
    if let Ok(out) = Command::new("/usr/bin/time")
        .args(["-f", "%M", EXE])
        .args(args)
        .stdout(Stdio::null())
        .output()
    {
        if let Some(kib) = String::from_utf8_lossy(&out.stderr)
            .lines()
            .last()
            .and_then(|l| l.trim().parse().ok())
        {
            return kib;
        }
    }
    let child = Command::new(EXE)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: wait4 only writes into the two values we pass; the child is ours.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid);
    usage.ru_maxrss
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
    let peak = peak_rss_kib(&[&PLAN[..], &["json"]].concat());
    println!(
        "peak memory of renew plan --format json: {:.1} MiB (target < 20)",
        peak as f64 / 1024.0
    );
}

criterion_group!(process_benches, benches);
criterion_main!(process_benches);
