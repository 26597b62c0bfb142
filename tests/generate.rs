//! `renew generate man` and `renew generate completions SHELL`: the page
//! renders under groff without a warning, the bash script parses and
//! loads, and each names every command of the one command-line definition.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{outcome, renew_in};

/// Every command's words: `plan`, `checklist tick` … (without `renew`).
fn command_paths() -> Vec<String> {
    use renewal_assistant::i18n::{Lang, Words};
    let names = renewal_assistant::cli::generate::command_names(Words::new(Lang::En));
    assert!(names.len() >= 15, "commands: {names:?}");
    names
        .iter()
        .map(|n| n.trim_start_matches("renew ").to_string())
        .collect()
}

fn generate(args: &[&str], lang_env: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = outcome(
        renew_in(dir.path())
            .env("LANG", lang_env)
            .arg("generate")
            .args(args)
            .output()
            .unwrap(),
    );
    assert_eq!(code, 0, "renew generate {args:?}: {err}");
    assert!(err.is_empty(), "{err}");
    out
}

/// groff's text rendering of a page, failing on any warning.
fn groff(page: &str) -> String {
    let mut child = Command::new("groff")
        .args(["-man", "-ww", "-Tutf8"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("groff must be installed to check the manual page (apt-get install groff-base)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && err.is_empty(),
        "groff warned:\n{err}"
    );
    // Bold and underline as a terminal pager gets them: `X\bX`, `_\bX`.
    let mut text = String::new();
    for c in String::from_utf8_lossy(&out.stdout).chars() {
        if c == '\u{8}' {
            text.pop();
        } else {
            text.push(c);
        }
    }
    text
}

#[test]
fn the_manual_page_renders_without_warnings_and_names_every_command() {
    let page = generate(&["man"], "C.UTF-8");
    assert!(page.contains("\n.TH RENEW 1 "), "{}", &page[..200]);
    let text = groff(&page);
    for section in [
        "NAME",
        "SYNOPSIS",
        "COMMANDS",
        "ENVIRONMENT",
        "FILES",
        "EXIT STATUS",
        "EXAMPLES",
    ] {
        assert!(
            text.lines().any(|l| l.trim() == section),
            "no {section} section:\n{text}"
        );
    }
    // English when the locale is not Chinese.
    assert!(
        text.contains("Print the renewal plan for one person"),
        "{text}"
    );
    for path in command_paths() {
        assert!(
            text.contains(&format!("renew {path}")),
            "the page does not name `renew {path}`"
        );
    }
    for var in [
        "RENEW_DATA_DIR",
        "RENEW_CONFIG",
        "RENEW_TODAY",
        "RENEW_POLICY_DIR",
    ] {
        assert!(text.contains(var), "ENVIRONMENT lacks {var}");
    }
}

#[test]
fn the_manual_page_is_in_the_chosen_language() {
    for (args, env, words) in [
        (
            &["--lang", "zh-Hans", "generate", "man"][..],
            "C.UTF-8",
            "打印一个人的续期计划",
        ),
        (
            &["generate", "man"][..],
            "zh_CN.UTF-8",
            "打印一个人的续期计划",
        ),
        (
            &["--lang", "zh-Hant", "generate", "man"][..],
            "C.UTF-8",
            "續期",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (code, page, err) = outcome(
            renew_in(dir.path())
                .env("LANG", env)
                .args(args)
                .output()
                .unwrap(),
        );
        assert_eq!(code, 0, "{err}");
        // Outside ASCII every character is escaped for groff.
        assert!(page.is_ascii(), "{args:?}");
        let text = groff(&page);
        assert!(text.contains(words), "{args:?} {env}: {text}");
        assert!(!text.contains("Print the renewal plan"), "{args:?}");
    }
}

#[test]
fn the_bash_completions_parse_load_and_name_every_command() {
    let script = generate(&["completions", "bash"], "C.UTF-8");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("renew.bash");
    std::fs::write(&file, &script).unwrap();
    let check = Command::new("bash").arg("-n").arg(&file).output().unwrap();
    assert!(
        check.status.success(),
        "bash -n: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    // Sourced, it registers a completion for `renew`.
    let load = Command::new("bash")
        .arg("-c")
        .arg(format!("source {} && complete -p renew", file.display()))
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&load.stdout);
    assert!(load.status.success() && shown.contains("renew"), "{shown}");
    for path in command_paths() {
        let last = path.rsplit(' ').next().unwrap();
        assert!(
            script.contains(&format!(" {last} ")) || script.contains(&format!(" {last}\"")),
            "bash completions lack {path}"
        );
    }
}

#[test]
fn every_shell_gets_a_script_that_names_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = generate(&["completions", shell], "C.UTF-8");
        for path in command_paths() {
            let last = path.rsplit(' ').next().unwrap();
            assert!(script.contains(last), "{shell} completions lack {path}");
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = outcome(
        renew_in(dir.path())
            .args(["generate", "completions", "tcsh"])
            .output()
            .unwrap(),
    );
    assert_eq!(code, 2, "an unknown shell is a usage error: {err}");
}
