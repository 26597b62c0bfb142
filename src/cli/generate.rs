//! `renew generate man` and `renew generate completions SHELL`: the manual
//! page and the shell completions, both made from the one command-line
//! definition (`Cli`) as localised for `--help`, so they never drift from
//! what the program accepts.

use std::io::Write;

use anyhow::Result;
use clap::Subcommand;
use roff::{Roff, bold, italic, roman};

use crate::i18n::{Lang, Words};

#[derive(Debug, Subcommand)]
pub enum GenerateCommand {
    /// The manual page (roff): `renew generate man | man -l -`.
    Man,
    /// A shell's completion script: bash, zsh, fish, elvish or powershell.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// The language of a generated page when neither `--lang` nor the config
/// chose one: the locale's when it is Chinese, else English (a manual page
/// or a completion script is mostly read by packagers and administrators).
pub fn default_lang(lc_all: Option<&str>, lang: Option<&str>) -> Lang {
    [lc_all, lang]
        .into_iter()
        .flatten()
        .filter(|v| !v.is_empty())
        .find_map(Lang::parse)
        .unwrap_or(Lang::En)
}

pub fn run(cmd: &GenerateCommand, words: Words, out: &mut dyn Write) -> Result<()> {
    match cmd {
        GenerateCommand::Man => man(words, out),
        GenerateCommand::Completions { shell } => {
            let mut command = super::localized_command(words);
            // clap_complete panics when a write fails (a closed pipe):
            // the script is made whole first, then written.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut command, "renew", &mut script);
            out.write_all(&script)?;
            Ok(())
        }
    }
}

/// The whole manual page: clap_mangen's title, name, synopsis, description
/// and options; then every command with its arguments on this one page
/// (no `renew-plan(1)` pages to point to), and the sections a packager
/// expects: ENVIRONMENT, FILES, EXIT STATUS, EXAMPLES.
///
/// Section headings stay in English whatever the language: `man -k` and
/// `whatis` read the NAME section by that name.
pub fn man(words: Words, out: &mut dyn Write) -> Result<()> {
    let mut page = Vec::new();
    man_page(words, &mut page)?;
    let page = String::from_utf8_lossy(&page);
    for line in page.lines() {
        writeln!(out, "{}", groff_escaped(line))?;
        // After the title: left-aligned and unhyphenated, since Chinese
        // text has no spaces to stretch (groff would warn it cannot adjust).
        if line.starts_with(".TH ") {
            writeln!(out, ".ad l\n.nh")?;
        }
    }
    Ok(())
}

/// Every character outside ASCII as groff's `\[uXXXX]`, so the page reads
/// the same whatever input encoding `groff` assumes (no `preconv` needed).
fn groff_escaped(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    for c in line.chars() {
        if c.is_ascii() {
            s.push(c);
        } else {
            s.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    s
}

fn man_page(words: Words, out: &mut dyn Write) -> Result<()> {
    let mut cmd = super::localized_command(words);
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone())
        .title("RENEW")
        .section("1")
        .source(format!("renew {}", env!("CARGO_PKG_VERSION")))
        .manual(words.t("man.manual"));
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;

    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    for sub in cmd.get_subcommands() {
        commands(&mut roff, sub, "renew");
    }

    roff.control("SH", ["ENVIRONMENT"]);
    for (var, key) in ENVIRONMENT {
        roff.control("TP", []);
        roff.text([bold(*var)]);
        roff.text([roman(words.t(key))]);
    }

    roff.control("SH", ["FILES"]);
    for (path, key) in FILES {
        roff.control("TP", []);
        roff.text([italic(*path)]);
        roff.text([roman(words.t(key))]);
    }

    roff.control("SH", ["EXIT STATUS"]);
    for (code, key) in [
        ("0", "man.exit.ok"),
        ("1", "man.exit.failed"),
        ("2", "man.exit.usage"),
    ] {
        roff.control("TP", []);
        roff.text([bold(code)]);
        roff.text([roman(words.t(key))]);
    }

    roff.control("SH", ["EXAMPLES"]);
    for (example, key) in EXAMPLES {
        roff.control("TP", []);
        roff.text([bold(*example)]);
        roff.text([roman(words.t(key))]);
    }

    roff.control("SH", ["SEE ALSO"]);
    roff.text([roman(words.tf(
        "man.see_also",
        &[("readme", &"/usr/share/doc/renew/README.md")],
    ))]);
    roff.to_writer(out)?;
    man.render_version_section(out)?;
    Ok(())
}

/// One command (and its own commands) as a subsection: its usage, what it
/// does and each of its arguments.
fn commands(roff: &mut Roff, cmd: &clap::Command, parent: &str) {
    let path = format!("{parent} {}", cmd.get_name());
    if cmd.has_subcommands() {
        for sub in cmd.get_subcommands() {
            commands(roff, sub, &path);
        }
        return;
    }
    roff.control("SS", [path.as_str()]);
    if let Some(about) = cmd.get_about() {
        roff.text([roman(about.to_string())]);
    }
    for arg in cmd.get_arguments().filter(|a| !a.is_global_set()) {
        if arg.get_id() == "help" {
            continue;
        }
        let value = arg
            .get_value_names()
            .and_then(|v| v.first())
            .map(|v| v.to_string())
            .unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
        let mut head = Vec::new();
        match arg.get_long() {
            Some(long) => {
                head.push(bold(format!("--{long}")));
                if arg.get_action().takes_values() {
                    head.push(roman(" "));
                    head.push(italic(value));
                }
            }
            None => head.push(italic(value)),
        }
        roff.control("TP", []);
        roff.text(head);
        if let Some(help) = arg.get_help() {
            roff.text([roman(help.to_string())]);
        }
    }
}

const ENVIRONMENT: &[(&str, &str)] = &[
    ("RENEW_TODAY", "man.env.today"),
    ("RENEW_CONFIG", "man.env.config"),
    ("RENEW_DATA_DIR", "man.env.data_dir"),
    ("RENEW_POLICY_DIR", "man.env.policy_dir"),
    ("LC_ALL, LANG", "man.env.lang"),
    ("ACCESSIBLE", "man.env.accessible"),
    ("NO_COLOR", "man.env.no_color"),
    ("COLUMNS", "man.env.columns"),
    ("XDG_CONFIG_HOME, XDG_DATA_HOME", "man.env.xdg"),
];

const FILES: &[(&str, &str)] = &[
    (
        "$XDG_CONFIG_HOME/renewal-assistant/config.toml",
        "man.files.config",
    ),
    (
        "$XDG_DATA_HOME/renewal-assistant/checklists/",
        "man.files.checklists",
    ),
    ("$XDG_DATA_HOME/renewal-assistant/packs/", "man.files.packs"),
    (
        "/usr/share/doc/renew/examples/config.toml",
        "man.files.example",
    ),
];

const EXAMPLES: &[(&str, &str)] = &[
    ("renew", "man.example.wizard"),
    (
        "renew plan --region haixi --scheme employee --disease tnb --end 2026-03-31",
        "man.example.plan",
    ),
    (
        "renew plan --region 海西 --scheme 职工 --disease 糖尿病 --end 2026-03-31 --format json",
        "man.example.json",
    ),
    ("renew checklist list", "man.example.checklists"),
    ("renew data install pack.tar", "man.example.install"),
    ("renew data rollback", "man.example.rollback"),
    ("renew kiosk check", "man.example.kiosk"),
    (
        "renew generate completions bash > /etc/bash_completion.d/renew",
        "man.example.completions",
    ),
];

/// Every command's full name (`renew plan`, `renew checklist tick` …):
/// what the tests look for in the page and in each completion script.
pub fn command_names(words: Words) -> Vec<String> {
    fn walk(cmd: &clap::Command, parent: &str, out: &mut Vec<String>) {
        for sub in cmd.get_subcommands() {
            let path = format!("{parent} {}", sub.get_name());
            out.push(path.clone());
            walk(sub, &path, out);
        }
    }
    let mut out = Vec::new();
    walk(&super::localized_command(words), "renew", &mut out);
    out
}
