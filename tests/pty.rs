//! The real binary in a pseudo-terminal, read back through a terminal
//! emulator (vt100): a whole flow, a tick, quit, the JSON on disk, a
//! relaunch that shows the saved plan; and a forced panic that must still
//! leave the terminal restored.

#![cfg(unix)]

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// What the first screen asks.
const FLOW_START: &str = "您在哪个地区参保";

/// The fixture regions (甲乙丙丁市 of 示例省), added to the shipped ones as
/// a policy pack, so an edit of `data/` changes nothing here.
const FIXTURE_REGIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/policy/regions");

/// Answers 甲市 / 职工 / 糖尿病 / 2026年3月31日 / 否, confirms, and ticks
/// the first checklist item: each step's keys, then what the screen shows.
const FLOW: &[(&str, &str)] = &[
    ("甲市", "找到 1 项"),
    ("\r", "哪种医保"),
    ("1", "已选第 1 项"),
    ("\r", "哪个病种"),
    ("tnb", "找到 1 项"),
    ("\r", "到期日："),
    ("2026年3月31日", "75 天后"),
    ("\r", "外省"),
    ("\r", "请核对您的回答"),
    ("\r", "已保存"),
    ("4", "已完成 0/7"),
    (" ", "已完成 1/7"),
];

struct Session {
    parser: vt100::Parser,
    rx: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// Everything the program wrote, for checking escape sequences.
    raw: Vec<u8>,
}

impl Drop for Session {
    fn drop(&mut self) {
        // A failed test must not leave the program running.
        let _ = self.child.kill();
    }
}

impl Session {
    fn start(data_dir: &std::path::Path, extra_env: &[(&str, &str)]) -> Session {
        Session::start_with(data_dir, extra_env, &[])
    }

    fn start_with(
        data_dir: &std::path::Path,
        extra_env: &[(&str, &str)],
        args: &[&str],
    ) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_renew"));
        cmd.args(["--today", "2026-01-15"]);
        cmd.args(args);
        // Hermetic: nothing from the developer's environment.
        cmd.env_clear();
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        cmd.env("HOME", data_dir);
        cmd.env("RENEW_DATA_DIR", data_dir);
        cmd.env("RENEW_POLICY_DIR", FIXTURE_REGIONS);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        for (k, v) in extra_env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let master = pair.master;
            let mut buf = [0u8; 4096];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                }
            }
            drop(master);
        });
        Session {
            parser: vt100::Parser::new(
                std::num::NonZero::new(24).unwrap(),
                std::num::NonZero::new(80).unwrap(),
                0,
            ),
            rx,
            writer,
            child,
            raw: Vec::new(),
        }
    }

    /// Reads what the program wrote for `wait` at most: a program that
    /// draws every frame never runs dry, so this must not wait for silence.
    fn pump(&mut self, wait: Duration) {
        let deadline = Instant::now() + wait;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.rx.recv_timeout(left) {
                Ok(bytes) => {
                    self.parser.process(&bytes);
                    self.raw.extend_from_slice(&bytes);
                }
                Err(_) => break,
            }
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `text`, failing with the screen after 15 s.
    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            self.pump(Duration::from_millis(50));
            if self.screen().contains(text) {
                return;
            }
        }
        panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// The program's state letter from /proc (`T` when stopped).
    fn proc_state(&self) -> char {
        let pid = self.child.process_id().expect("child pid");
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        stat.rsplit(") ")
            .next()
            .and_then(|r| r.chars().next())
            .unwrap_or('?')
    }

    /// Answers 甲市 / 职工 / 糖尿病 / 2026年3月31日 / 否, confirms, and
    /// ticks the first checklist item.
    fn flow_to_first_tick(&mut self) {
        self.wait_for(FLOW_START);
        for (keys, then) in FLOW {
            self.send(keys);
            self.wait_for(then);
        }
    }

    /// The terminal is as the program found it: main screen, no mouse capture.
    fn assert_restored(&self, when: &str) {
        assert!(
            !self.parser.screen().alternate_screen(),
            "{when}: left the alternate screen"
        );
        assert_eq!(
            self.parser.screen().mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "{when}: mouse capture off"
        );
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            self.pump(Duration::from_millis(50));
            if let Some(status) = self.child.try_wait().unwrap() {
                self.pump(Duration::from_millis(200));
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "program did not exit; screen:\n{}",
                self.screen()
            );
        }
    }
}

fn checklist_files(dir: &std::path::Path) -> Vec<serde_json::Value> {
    let Ok(entries) = std::fs::read_dir(dir.join("checklists")) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && !p.file_name().unwrap().to_string_lossy().starts_with('.')
        })
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

#[test]
fn a_full_flow_ticks_quits_and_comes_back() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = Session::start(tmp.path(), &[]);
    s.wait_for("您在哪个地区参保");
    assert!(
        s.parser.screen().alternate_screen(),
        "the wizard uses the alternate screen"
    );
    s.flow_to_first_tick();
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success());
    s.assert_restored("q");

    let files = checklist_files(tmp.path());
    assert_eq!(files.len(), 1);
    let done: Vec<&str> = files[0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["done"] == true)
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(done, vec!["doc:id-card"]);

    // Next week: the saved plan is on the home list.
    let mut s = Session::start(tmp.path(), &[]);
    s.wait_for("您的续期清单");
    s.wait_for("糖尿病 · 到期 2026-03-31 · 示例省甲市");
    s.wait_for("1/7");
    s.send("\x1b[B\r");
    // A saved checklist opens on its checklist tab; 1 shows the window.
    s.wait_for("已完成 1/7 项");
    s.send("1");
    s.wait_for("离申请期结束还剩 75 天");
    s.send("\x03");
    assert!(s.wait_exit().success(), "Ctrl-C quits cleanly");
}

/// The hook that panics on purpose is in debug builds only (`cargo test`),
/// never in a release binary.
#[cfg(debug_assertions)]
#[test]
fn a_panic_still_restores_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = Session::start(tmp.path(), &[("RENEW_TEST_PANIC", "1")]);
    let status = s.wait_exit();
    assert!(!status.success());
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(raw.contains("\x1b[?1049h"), "entered the alternate screen");
    assert!(
        !s.parser.screen().alternate_screen(),
        "left the alternate screen"
    );
    assert_eq!(
        s.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse capture off"
    );
    assert!(!s.parser.screen().hide_cursor(), "cursor shown again");
    assert!(
        s.screen().contains("panicking on purpose"),
        "the panic message is readable:\n{}",
        s.screen()
    );
}

/// Sends `signal` to the program the way an operator or a closing window does.
fn signal(s: &Session, signal: &str) {
    let pid = s.child.process_id().expect("child pid");
    let status = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn stop_signals_restore_the_terminal_and_keep_the_ticks() {
    for sig in ["TERM", "HUP", "INT", "QUIT"] {
        let tmp = tempfile::tempdir().unwrap();
        let mut s = Session::start(tmp.path(), &[]);
        s.flow_to_first_tick();
        signal(&s, sig);
        s.wait_exit();
        s.assert_restored(&format!("SIG{sig}"));
        let files = checklist_files(tmp.path());
        assert_eq!(files.len(), 1, "SIG{sig}");
        assert_eq!(
            files[0]["items"][0]["done"], true,
            "SIG{sig}: the tick was saved"
        );
    }
}

/// The terminal vanishes (window closed, ssh dropped): the program must end
/// by itself, promptly, with the ticks it saved, and not spin. The pty is
/// made here with `openpty` so that closing it is one `close` of the only
/// master descriptor, with nothing written first (portable-pty's writer
/// sends a newline and EOF when dropped, which is not what a vanishing
/// terminal does).
#[test]
fn a_closed_terminal_ends_the_program_with_the_ticks_kept() {
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::process::CommandExt;

    let tmp = tempfile::tempdir().unwrap();
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: two out-pointers and a winsize that outlive the call.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty");
    // SAFETY: openpty returned two fresh descriptors that we now own.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    // The program must not inherit the master side: then closing ours
    // would not close the terminal.
    // SAFETY: fcntl on a descriptor we own.
    unsafe { libc::fcntl(master.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC) };
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_renew"));
    cmd.args(["--today", "2026-01-15"])
        .env_clear()
        .env("HOME", tmp.path())
        .env("RENEW_DATA_DIR", tmp.path())
        .env("RENEW_POLICY_DIR", FIXTURE_REGIONS)
        .env("TERM", "xterm-256color")
        .env("LANG", "C.UTF-8")
        .stdin(slave.try_clone().unwrap())
        .stdout(slave.try_clone().unwrap())
        .stderr(slave.try_clone().unwrap());
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    drop(slave);
    struct Kill<'a>(&'a mut std::process::Child);
    impl Drop for Kill<'_> {
        fn drop(&mut self) {
            let _ = self.0.kill();
        }
    }
    let child = Kill(&mut child);

    let mut parser = vt100::Parser::new(
        std::num::NonZero::new(24).unwrap(),
        std::num::NonZero::new(80).unwrap(),
        0,
    );
    let fd = master.as_raw_fd();
    let wait_for = |parser: &mut vt100::Parser, text: &str| {
        let deadline = Instant::now() + Duration::from_secs(15);
        while !parser.screen().contents().contains(text) {
            assert!(Instant::now() < deadline, "waiting for {text:?}");
            let mut p = libc::pollfd {
                fd,
                events: libc::POLLIN,
                revents: 0,
            };
            let mut buf = [0u8; 4096];
            // SAFETY: one valid pollfd; a read into a buffer of its length.
            let n = unsafe {
                if libc::poll(&mut p, 1, 50) <= 0 {
                    continue;
                }
                libc::read(fd, buf.as_mut_ptr().cast(), buf.len())
            };
            if n > 0 {
                parser.process(&buf[..n as usize]);
            }
        }
    };
    let send = |keys: &str| {
        // SAFETY: a write of a live buffer of its length.
        let n = unsafe { libc::write(fd, keys.as_ptr().cast(), keys.len()) };
        assert_eq!(n, keys.len() as isize);
    };
    wait_for(&mut parser, FLOW_START);
    for (keys, then) in FLOW {
        send(keys);
        wait_for(&mut parser, then);
    }

    drop(master);
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.0.try_wait().unwrap().is_none() {
        assert!(
            Instant::now() < deadline,
            "still running 10 s after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let files = checklist_files(tmp.path());
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["items"][0]["done"], true, "the tick was kept");
}

/// Ctrl-Z and an outside SIGTSTP give the terminal back while stopped;
/// `fg` (SIGCONT) takes it again, in raw mode: one key still acts.
#[test]
fn suspend_and_resume_give_back_and_retake_the_terminal() {
    for how in ["ctrl-z", "SIGTSTP"] {
        let tmp = tempfile::tempdir().unwrap();
        let mut s = Session::start(tmp.path(), &[]);
        s.wait_for("您在哪个地区参保");
        if how == "ctrl-z" {
            s.send("\x1a");
        } else {
            signal(&s, "TSTP");
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while s.proc_state() != 'T' {
            assert!(Instant::now() < deadline, "{how}: the program stopped");
            s.pump(Duration::from_millis(50));
        }
        s.pump(Duration::from_millis(200));
        s.assert_restored(&format!("{how}: stopped"));
        signal(&s, "CONT");
        s.wait_for("您在哪个地区参保");
        assert!(
            s.parser.screen().alternate_screen(),
            "{how}: the wizard is back"
        );
        // Raw mode again: keys arrive one by one, with no Enter.
        s.send("甲市");
        s.wait_for("找到 1 项");
        s.send("\x03");
        assert!(s.wait_exit().success(), "{how}");
        s.assert_restored(&format!("{how}: quit"));
    }
}

/// A print command that never finishes neither freezes the wizard nor
/// keeps a visitor's plan on screen: the idle wipe still comes, and
/// SIGTERM still ends the program.
#[test]
fn a_hanging_printer_does_not_freeze_a_kiosk() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("config.toml");
    std::fs::write(
        &config,
        "[kiosk]\nenabled = true\nidle_seconds = 10\ncountdown_seconds = 5\n\
         [print]\ncommand = [\"sleep\", \"600\"]\ntimeout_seconds = 300\n",
    )
    .unwrap();
    let config = config.display().to_string();
    let mut s = Session::start(tmp.path(), &[("RENEW_CONFIG", &config)]);
    s.wait_for("您在哪个地区参保");
    s.send("甲市");
    s.wait_for("找到 1 项");
    s.send("\r1\rtnb");
    s.wait_for("糖尿病");
    s.send("\r2026-03-31\r\r\r");
    s.wait_for("甲市 · 职工医保 · 糖尿病");
    s.send("p");
    s.wait_for("正在打印");
    // The wizard still answers keys while the printer hangs.
    s.send("3");
    s.wait_for("办理渠道");
    // Then nobody: the session is wiped on time.
    s.wait_for("已清空");
    assert!(!s.screen().contains("糖尿病"), "{}", s.screen());
    signal(&s, "TERM");
    s.wait_exit();
    s.assert_restored("SIGTERM while printing");
}

/// A pack with a field near the 1 MiB file limit and no place to break it
/// (the channel's `where`) neither stalls the kiosk nor delays the idle
/// wipe: the visitor's plan is gone on time, from the channels tab.
#[test]
fn a_huge_unbreakable_field_does_not_delay_the_idle_wipe() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = tmp.path().join("pack");
    std::fs::create_dir(&pack).unwrap();
    for entry in std::fs::read_dir(FIXTURE_REGIONS).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, pack.join(path.file_name().unwrap())).unwrap();
    }
    let file = pack.join("fx-exact.json");
    let mut region: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    region["channels"][0]["where"] = "a".repeat(1_000_000).into();
    std::fs::write(&file, region.to_string()).unwrap();
    let config = tmp.path().join("config.toml");
    std::fs::write(
        &config,
        "[kiosk]\nenabled = true\nidle_seconds = 10\ncountdown_seconds = 5\n",
    )
    .unwrap();
    let config = config.display().to_string();
    let pack = pack.display().to_string();
    let mut s = Session::start(
        tmp.path(),
        &[("RENEW_CONFIG", &config), ("RENEW_POLICY_DIR", &pack)],
    );
    s.wait_for("您在哪个地区参保");
    s.send("甲市");
    s.wait_for("找到 1 项");
    s.send("\r1\rtnb");
    s.wait_for("糖尿病");
    s.send("\r2026-03-31\r\r\r");
    s.wait_for("甲市 · 职工医保 · 糖尿病");
    s.send("3");
    let last_key = Instant::now();
    s.wait_for("办理渠道");
    // Nobody touches it: wiped 10 s after the last key, give or take a
    // couple of frames on a busy machine.
    let deadline = last_key + Duration::from_secs(14);
    while !s.screen().contains("已清空") {
        assert!(
            Instant::now() < deadline,
            "not wiped 14 s after the last key:\n{}",
            s.screen()
        );
        s.pump(Duration::from_millis(50));
    }
    assert!(!s.screen().contains("糖尿病"), "{}", s.screen());
    signal(&s, "TERM");
    s.wait_exit();
}

/// Staff quitting while a print hangs leaves no printer behind, even one
/// that ignores SIGTERM (and the hang-up the closing terminal sends) and
/// has started a child of its own.
#[test]
fn quitting_during_a_print_ends_the_printer_and_its_children() {
    let tmp = tempfile::tempdir().unwrap();
    let pids = tmp.path().join("pids");
    let config = tmp.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[kiosk]\nenabled = true\n\
             [print]\ncommand = [\"sh\", \"-c\", \"trap '' TERM HUP; echo $$ > {p}; sleep 302 & echo $! >> {p}; wait\"]\n\
             timeout_seconds = 300\n",
            p = pids.display()
        ),
    )
    .unwrap();
    let config = config.display().to_string();
    let mut s = Session::start(tmp.path(), &[("RENEW_CONFIG", &config)]);
    s.wait_for("您在哪个地区参保");
    s.send("甲市");
    s.wait_for("找到 1 项");
    s.send("\r1\rtnb");
    s.wait_for("糖尿病");
    s.send("\r2026-03-31\r\r\r");
    s.wait_for("甲市 · 职工医保 · 糖尿病");
    s.send("p");
    s.wait_for("正在打印");
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::fs::read_to_string(&pids)
        .unwrap_or_default()
        .lines()
        .count()
        < 2
    {
        assert!(Instant::now() < deadline, "the printer started");
        s.pump(Duration::from_millis(50));
    }
    // The operator's quit: Ctrl-Q twice.
    s.send("\x11");
    s.pump(Duration::from_millis(200));
    s.send("\x11");
    s.wait_exit();
    let started: Vec<u32> = std::fs::read_to_string(&pids)
        .unwrap()
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .collect();
    let running = |pid: &u32| {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let state = stat.rsplit(") ").next().and_then(|s| s.chars().next());
        state.is_some_and(|s| s != 'Z' && s != 'X')
    };
    let deadline = Instant::now() + Duration::from_secs(5);
    while started.iter().any(running) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let left: Vec<_> = started.iter().filter(|p| running(p)).collect();
    for pid in &left {
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status();
    }
    assert!(left.is_empty(), "still running after quit: {left:?}");
}

/// A kiosk started on a machine where checklists were saved never lists
/// them, whatever keys come.
#[test]
fn a_kiosk_never_lists_checklists_saved_on_the_machine() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = Session::start(tmp.path(), &[]);
    s.flow_to_first_tick();
    s.send("q");
    s.wait_exit();
    assert_eq!(checklist_files(tmp.path()).len(), 1);
    let mut s = Session::start_with(tmp.path(), &[], &["--kiosk"]);
    s.wait_for("您在哪个地区参保");
    s.send("\x1b");
    s.pump(Duration::from_millis(300));
    s.send("\x1b");
    s.pump(Duration::from_millis(300));
    let screen = s.screen();
    assert!(screen.contains("您在哪个地区参保"), "{screen}");
    assert!(
        !screen.contains("续期清单") && !screen.contains("糖尿病"),
        "{screen}"
    );
    signal(&s, "TERM");
    s.wait_exit();
}

/// Issue 20's walk at 80x24 in a real terminal: a place by its own pinyin
/// (changsha, cq), 西安 with 高血压 (not on its list) reaching 其他病种 with
/// the disease named in the plan, and digits that wait for Enter.
#[test]
fn the_walk_of_a_new_user_finds_place_and_disease() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = Session::start(tmp.path(), &[]);
    s.wait_for(FLOW_START);
    s.send("changsha");
    s.wait_for("湖南省长沙市");
    s.send(&"\x7f".repeat(8));
    s.send("cq");
    s.wait_for("重庆");
    s.send("\x7f\x7f");
    s.send("西安");
    s.wait_for("陕西省西安市");
    s.send("\r");
    s.wait_for("哪种医保");
    s.send("1");
    s.wait_for("已选第 1 项");
    assert!(
        s.screen().contains("哪种医保"),
        "a digit alone moves nowhere"
    );
    s.send("\r");
    s.wait_for("哪个病种");
    s.send("高血压");
    s.wait_for("不在这个地区的名单里");
    s.send("\r");
    s.wait_for("到期日：");
    s.send("2027-01-31\r");
    s.wait_for("外省");
    s.send("\r");
    s.wait_for("请核对您的回答");
    s.send("\r");
    s.wait_for("您的病“高血压”不在");
    s.send("\x03");
    assert!(s.wait_exit().success());
}

/// At a kiosk, digits only: the region list says which number is the
/// generic entry; a digit highlights and Enter confirms.
#[test]
fn a_kiosk_with_digits_only_finds_the_generic_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = Session::start_with(tmp.path(), &[], &["--kiosk"]);
    s.wait_for(FLOW_START);
    s.wait_for("名单里没有您的地区，请按");
    s.send("7");
    s.wait_for("已选第 7 项");
    assert!(s.screen().contains(FLOW_START), "{}", s.screen());
    s.send("\r");
    s.wait_for("哪种医保");
    signal(&s, "TERM");
    s.wait_exit();
}
