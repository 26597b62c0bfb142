//! The command line in the person's language: clap's descriptions and
//! its own words (Usage, Options, errors) from `assets/i18n`, and the
//! language asked for before the arguments are parsed.

use super::Cli;
use crate::i18n::Words;

/// The command line as parsed. Its descriptions in the user's language are
/// read only when clap has something to say (help, the version, a refused
/// command line): a command line clap accepts as it stands is parsed
/// without them, since localizing every command's help costs more than the
/// rest of a plan's start. Both parse alike (`a_command_line_parses_alike_with_or_without_its_words`).
pub fn parse_args(args: &[std::ffi::OsString], words: Words) -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    if let Ok(cli) = Cli::command()
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        return Ok(cli);
    }
    localized_command(words)
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m))
}

/// The command line with its descriptions in `words`' language (keys
/// `clap.<subcommand>.<argument>` in `assets/i18n`), clap's own words
/// (Usage, Options, the help and version flags) replaced by ours.
pub fn localized_command(words: Words) -> clap::Command {
    use clap::CommandFactory;
    localize(Cli::command(), "clap", words)
}

fn localize(mut cmd: clap::Command, prefix: &str, words: Words) -> clap::Command {
    use clap::{Arg, ArgAction};
    if let Some(about) = words.lookup(&format!("{prefix}.about")) {
        cmd = cmd.about(about);
    }
    // clap's own words (Usage, Options, Print help …) are English and
    // cannot be translated, so every one of them is replaced: the headings
    // by our template, the automatic flags by our own, and the notes clap
    // adds after a help line ([env: …], [default: …], [possible values: …])
    // by our words in the help itself.
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
        words.t("clap.heading.usage")
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(words.t("clap.heading.commands"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(words.t("clap.help")),
        );
    if prefix == "clap" {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(words.t("clap.version")),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !a.is_global_set() || prefix == "clap")
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let own = words.lookup(&format!("{prefix}.{id}"));
        cmd = cmd.mut_arg(&id, |a| {
            let mut help = own
                .map(str::to_string)
                .or_else(|| a.get_help().map(|h| h.to_string()))
                .unwrap_or_default();
            let takes_values = a.get_action().takes_values();
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if takes_values && !values.is_empty() {
                help.push_str(&words.tf("clap.note.values", &[("values", &values.join(", "))]));
            }
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() && a.get_action().takes_values() {
                help.push_str(&words.tf("clap.note.default", &[("value", &defaults.join(", "))]));
            }
            if let Some(var) = a.get_env() {
                help.push_str(&words.tf("clap.note.env", &[("var", &var.to_string_lossy())]));
            }
            let heading = if a.is_positional() {
                words.t("clap.heading.arguments")
            } else if a.is_global_set() {
                words.t("clap.heading.global")
            } else {
                words.t("clap.heading.options")
            };
            let given: Vec<String> = match a.get_value_names() {
                Some(names) => names.iter().map(|n| n.to_string()).collect(),
                None => vec![a.get_id().to_string().to_uppercase()],
            };
            let names: Vec<String> = given
                .iter()
                .map(|n| {
                    words
                        .lookup(&format!("clap.value.{}", n.to_lowercase()))
                        .map_or_else(|| n.to_string(), str::to_string)
                })
                .collect();
            let a = if takes_values && !names.is_empty() {
                a.value_names(names)
            } else {
                a
            };
            let a = a.help(help).help_heading(heading).hide_env(true);
            if takes_values {
                a.hide_possible_values(true).hide_default_value(true)
            } else {
                a
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_prefix = format!("{prefix}.{name}");
        cmd = cmd.mut_subcommand(name, |s| localize(s, &sub_prefix, words));
    }
    cmd
}

/// A command line clap refused, in the user's language. clap's own
/// message is English; ours names the same argument and value.
pub fn usage_message(e: &clap::Error, words: Words) -> String {
    localize_usage_words(&usage_words(e, words), words)
}

/// clap's usage line says `[OPTIONS]` and `<COMMAND>` in English.
pub fn localize_usage_words(text: &str, words: Words) -> String {
    text.replace("[OPTIONS]", words.t("clap.usage.options"))
        .replace("[COMMAND]", words.t("clap.usage.command_optional"))
        .replace("<COMMAND>", words.t("clap.usage.command"))
}

fn usage_words(e: &clap::Error, words: Words) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |kind: ContextKind| -> String {
        match e.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(", "),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => v
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            Some(ContextValue::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let arg = get(ContextKind::InvalidArg);
    let mut text = match e.kind() {
        ErrorKind::UnknownArgument => words.tf("clap.error.unknown_argument", &[("arg", &arg)]),
        ErrorKind::InvalidSubcommand => words.tf(
            "clap.error.unknown_command",
            &[("command", &get(ContextKind::InvalidSubcommand))],
        ),
        ErrorKind::InvalidValue => {
            let value = get(ContextKind::InvalidValue);
            if value.is_empty() {
                words.tf("clap.error.missing_value", &[("arg", &arg)])
            } else {
                words.tf(
                    "clap.error.invalid_value",
                    &[
                        ("arg", &arg),
                        ("value", &value),
                        ("valid", &get(ContextKind::ValidValue)),
                    ],
                )
            }
        }
        ErrorKind::MissingRequiredArgument => {
            words.tf("clap.error.missing_argument", &[("arg", &arg)])
        }
        ErrorKind::ArgumentConflict => words.tf(
            "clap.error.conflict",
            &[("arg", &arg), ("other", &get(ContextKind::PriorArg))],
        ),
        ErrorKind::MissingSubcommand => words.t("clap.error.missing_command").to_string(),
        ErrorKind::InvalidUtf8 => words.t("clap.error.not_utf8").to_string(),
        ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues
        | ErrorKind::NoEquals
        | ErrorKind::ValueValidation => words.tf("clap.error.bad_value", &[("arg", &arg)]),
        _ => words.t("clap.error.other").to_string(),
    };
    let suggested = [
        get(ContextKind::SuggestedArg),
        get(ContextKind::SuggestedSubcommand),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    if !suggested.is_empty() {
        text.push('\n');
        text.push_str(&words.tf("clap.error.did_you_mean", &[("suggested", &suggested)]));
    }
    text.push('\n');
    text.push_str(words.t("clap.error.try_help"));
    text
}

/// The language asked for on the command line or in the environment,
/// read before the arguments are parsed so the help is in it.
pub fn early_lang(args: &[String]) -> Option<crate::i18n::Lang> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if let Some(v) = a.strip_prefix("--lang=") {
            return crate::i18n::Lang::parse(v);
        }
        if a == "--lang" {
            return it.next().and_then(|v| crate::i18n::Lang::parse(v));
        }
    }
    None
}

#[cfg(test)]
mod localisation_tests {
    use super::*;
    use crate::i18n::{Lang, Words};

    /// Every command's path from the top (`[]`, `["plan"]`, `["checklist", "tick"]` …).
    fn paths(cmd: &clap::Command, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(prefix.clone());
        for sub in cmd.get_subcommands() {
            let mut p = prefix.clone();
            p.push(sub.get_name().to_string());
            paths(sub, p, out);
        }
    }

    fn help_for(path: &[String], words: Words) -> String {
        let mut args = vec!["renew".to_string()];
        args.extend(path.iter().cloned());
        args.push("--help".into());
        match localized_command(words).try_get_matches_from(&args) {
            Err(e) => localize_usage_words(&e.render().to_string(), words),
            Ok(_) => panic!("--help did not show help for {path:?}"),
        }
    }

    /// clap's own words, which it cannot translate: none may reach a
    /// Chinese reader.
    const CLAP_ENGLISH: [&str; 12] = [
        "Usage",
        "Options",
        "Commands",
        "Arguments",
        "Print help",
        "Print version",
        "[env:",
        "possible values",
        "[default:",
        "[OPTIONS]",
        "<COMMAND>",
        "Print this message",
    ];

    #[test]
    fn a_command_line_parses_alike_with_or_without_its_words() {
        use clap::FromArgMatches;
        let zh = Words::new(Lang::ZhHans);
        let localized = |args: &[&str]| {
            localized_command(zh)
                .try_get_matches_from(args)
                .and_then(|m| Cli::from_arg_matches(&m))
        };
        let lines: &[&[&str]] = &[
            &["renew"],
            &["renew", "--plain", "--lang", "en"],
            &[
                "renew",
                "plan",
                "--region",
                "海西",
                "--scheme",
                "职工",
                "--disease",
                "tnb",
                "--end",
                "2026-03-31",
            ],
            &[
                "renew",
                "--today",
                "2026-01-15",
                "plan",
                "--region",
                "changsha",
                "--scheme",
                "resident",
                "--disease",
                "gxy",
                "--end",
                "3/31",
                "--format",
                "json",
                "--retired",
                "--cross-province",
            ],
            &[
                "renew",
                "plan",
                "--region",
                "qingdao",
                "--scheme",
                "employee",
                "--disease",
                "尿毒症",
                "--end",
                "20260630",
                "--width",
                "0",
                "--save",
                "--label",
                "妈妈",
                "--ascii",
            ],
            &["renew", "regions", "--all", "--format", "json"],
            &["renew", "diseases", "--region", "青岛"],
            &["renew", "checklist", "tick", "妈妈", "3"],
            &["renew", "checklist", "export", "妈妈", "--format", "ics"],
            &["renew", "agenda", "--days", "30"],
            &["renew", "data", "install", "pack.tar"],
            &["renew", "generate", "completions", "bash"],
            &["renew", "kiosk", "check", "--kiosk", "--config", "k.toml"],
        ];
        for line in lines {
            let args: Vec<std::ffi::OsString> = line.iter().map(Into::into).collect();
            let plain = parse_args(&args, zh).unwrap_or_else(|e| panic!("{line:?}: {e}"));
            let words = localized(line).unwrap_or_else(|e| panic!("{line:?}: {e}"));
            assert_eq!(format!("{plain:?}"), format!("{words:?}"), "{line:?}");
        }
        // What clap answers itself comes from the localized command: its
        // help, its version, its refusals (clap's own `help` subcommand and
        // `-V` on a subcommand are not ours).
        let refused: &[&[&str]] = &[
            &["renew", "--help"],
            &["renew", "--version"],
            &["renew", "help"],
            &["renew", "plan", "help"],
            &["renew", "plan", "-V"],
            &["renew", "plan", "--help"],
            &["renew", "plan", "--region"],
            &["renew", "plan", "--format", "yaml"],
            &["renew", "frobnicate"],
            &["renew", "checklist"],
        ];
        for line in refused {
            let args: Vec<std::ffi::OsString> = line.iter().map(Into::into).collect();
            let e = parse_args(&args, zh).map(|c| format!("{c:?}")).unwrap_err();
            let want = localized(line).map(|c| format!("{c:?}")).unwrap_err();
            assert_eq!(e.kind(), want.kind(), "{line:?}");
            assert_eq!(
                e.render().to_string(),
                want.render().to_string(),
                "{line:?}"
            );
        }
    }

    #[test]
    fn help_is_in_the_chosen_language_for_every_command() {
        let mut all = Vec::new();
        paths(
            &localized_command(Words::new(Lang::ZhHans)),
            Vec::new(),
            &mut all,
        );
        assert!(all.len() >= 10, "commands found: {all:?}");
        for lang in [Lang::ZhHans, Lang::ZhHant] {
            let words = Words::new(lang);
            for path in &all {
                let help = help_for(path, words);
                for word in CLAP_ENGLISH {
                    assert!(
                        !help.contains(word),
                        "{lang:?} `renew {} --help` shows clap's English {word:?}:\n{help}",
                        path.join(" ")
                    );
                }
            }
        }
    }

    #[test]
    fn every_argument_of_every_command_is_explained_in_every_language() {
        for lang in Lang::ALL {
            let mut cmd = localized_command(Words::new(lang));
            cmd.build();
            let mut stack = vec![(String::from("renew"), cmd)];
            let mut missing = Vec::new();
            while let Some((name, cmd)) = stack.pop() {
                for arg in cmd.get_arguments() {
                    let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                    // A Chinese reader gets Chinese: an English doc comment
                    // showing through means the key is missing.
                    let untranslated = lang != Lang::En && help.is_ascii();
                    if help.trim().is_empty() || untranslated {
                        missing.push(format!("{name} {}", arg.get_id()));
                    }
                    // Its value's name too (<TEXT> among <清单> and <日期>);
                    // a single letter stands for a number.
                    let values = arg.get_action().takes_values();
                    for value in arg.get_value_names().unwrap_or_default() {
                        if values && lang != Lang::En && value.is_ascii() && value.len() > 1 {
                            missing.push(format!("{name} {} <{value}>", arg.get_id()));
                        }
                    }
                }
                for sub in cmd.get_subcommands() {
                    assert!(
                        sub.get_about().is_some(),
                        "{lang:?}: `{name} {}` has no description",
                        sub.get_name()
                    );
                    stack.push((format!("{name} {}", sub.get_name()), sub.clone()));
                }
            }
            assert!(missing.is_empty(), "{lang:?}: no help for {missing:?}");
        }
    }

    #[test]
    fn a_refused_command_line_is_explained_in_the_chosen_language() {
        let cases: [&[&str]; 5] = [
            &["renew", "--bogus"],
            &["renew", "chklist"],
            &["renew", "plan", "--format", "xx"],
            &["renew", "plan", "--region", "海西"],
            &["renew", "checklist"],
        ];
        for lang in [Lang::ZhHans, Lang::ZhHant] {
            let words = Words::new(lang);
            for args in cases {
                let err = localized_command(words)
                    .try_get_matches_from(args)
                    .expect_err("refused");
                if err.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                    continue;
                }
                let text = usage_message(&err, words);
                assert!(
                    !text.is_ascii() && !text.contains("error") && !text.contains("argument"),
                    "{lang:?} {args:?}: {text}"
                );
                assert!(text.contains("renew --help"), "{text}");
            }
        }
        let words = Words::new(Lang::ZhHans);
        let err = localized_command(words)
            .try_get_matches_from(["renew", "--bogus"])
            .expect_err("refused");
        assert!(usage_message(&err, words).contains("--bogus"));
        let err = localized_command(words)
            .try_get_matches_from(["renew", "chklist"])
            .expect_err("refused");
        assert!(
            usage_message(&err, words).contains("checklist"),
            "suggestion kept"
        );
    }
}
