//! The real binary in a pseudo-terminal, read back through a terminal
//! emulator (vt100): a whole flow, a tick, quit, the JSON on disk, a
//! relaunch that shows the saved plan; and a forced panic that must still
//! leave the terminal restored.

#![cfg(unix)]

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

struct Session {
    parser: vt100::Parser,
    rx: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// Everything the program wrote, for checking escape sequences.
    raw: Vec<u8>,
}

impl Session {
    fn start(data_dir: &std::path::Path, extra_env: &[(&str, &str)]) -> Session {
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
        cmd.env("RENEW_DATA_DIR", data_dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("RENEW_TODAY");
        cmd.env_remove("LC_ALL");
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
            let _keep_master_open = pair.master;
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

    fn pump(&mut self, wait: Duration) {
        while let Ok(bytes) = self.rx.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
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

    /// Answers 海西 / 职工 / 糖尿病 / 2026年3月31日 / 否, confirms, and
    /// ticks the first checklist item.
    fn flow_to_first_tick(&mut self) {
        self.wait_for("您在哪个地区参保");
        self.send("hx");
        self.wait_for("找到 1 项");
        self.send("\r");
        self.wait_for("哪种医保");
        self.send("1");
        self.wait_for("哪个病种");
        self.send("tnb");
        self.wait_for("找到 1 项");
        self.send("\r");
        self.wait_for("到期日：");
        self.send("2026年3月31日");
        self.wait_for("75 天后");
        self.send("\r");
        self.wait_for("外省");
        self.send("\r");
        self.wait_for("请核对您的回答");
        self.send("\r");
        self.wait_for("离截止还剩 75 天");
        self.wait_for("已保存");
        self.send("4");
        self.wait_for("已完成 0/8");
        self.send(" ");
        self.wait_for("已完成 1/8");
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
    s.wait_for("糖尿病 · 青海省海西州 · 到期 2026-03-31");
    s.wait_for("1/8");
    s.send("\x1b[B\r");
    s.wait_for("离截止还剩 75 天");
    s.send("\x03");
    assert!(s.wait_exit().success(), "Ctrl-C quits cleanly");
}

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
fn sigterm_and_sighup_restore_the_terminal_and_keep_the_ticks() {
    for sig in ["TERM", "HUP"] {
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
