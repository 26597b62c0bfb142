use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use renewal_assistant::checklist::store::Store;
use renewal_assistant::cli::{self, Cli, UsageError};
use renewal_assistant::config::{self, Config, QuitKey};
use renewal_assistant::i18n::{DisplayWriter, Lang, Words};
use renewal_assistant::policy::PolicySet;
use renewal_assistant::prompt;
use renewal_assistant::tui::{self, app::Kiosk, theme::Theme};

fn main() -> ExitCode {
    // Arguments as the OS gives them: a path need not be UTF-8.
    let raw: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lossy: Vec<String> = raw
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let env_lang = || {
        Lang::from_env(
            std::env::var("LC_ALL").ok().as_deref(),
            std::env::var("LANG").ok().as_deref(),
        )
    };
    // The words of the help and of a refused command line, chosen before
    // the arguments are parsed; the config may choose others after.
    let early = Words::new(cli::early_lang(&lossy).unwrap_or_else(env_lang));
    let args = match cli::parse_args(&raw, early) {
        Ok(a) => a,
        Err(e) => return usage_error(e, early),
    };
    let config_path = args.config.clone().or_else(config::default_path);
    // A config that cannot be used stops every command but `kiosk check`,
    // whose report names it among the other problems.
    let checks_the_kiosk = matches!(
        args.command,
        Some(cli::Command::Kiosk(cli::kiosk_cmd::KioskCommand::Check))
    );
    let (config, config_error) = match config_path.as_deref().map(config::load).transpose() {
        Ok(c) => (c.unwrap_or_default(), None),
        Err(e) if checks_the_kiosk => (Config::default(), Some(e)),
        Err(e) => {
            report(
                early,
                &format!("renew: {}", cli::config_error_text(&e, early)),
            );
            return ExitCode::from(2);
        }
    };
    let lang = match args.lang.as_deref().or(config.lang.as_deref()) {
        Some(code) => match Lang::parse(code) {
            Some(l) => l,
            None => {
                report(early, &format!("--lang: {code:?}: zh-Hans | zh-Hant | en"));
                return ExitCode::from(2);
            }
        },
        // A generated manual page or completion script is English unless
        // the locale is Chinese.
        None if matches!(args.command, Some(cli::Command::Generate(_))) => {
            cli::generate::default_lang(
                std::env::var("LC_ALL").ok().as_deref(),
                std::env::var("LANG").ok().as_deref(),
            )
        }
        None => Lang::from_env(
            std::env::var("LC_ALL").ok().as_deref(),
            std::env::var("LANG").ok().as_deref(),
        ),
    };
    // --ascii holds for every output people read, not only the wizard's frame.
    let words = Words::new(lang).with_ascii(args.ascii || config.ascii);
    match run(&args, &config, config_error.as_ref(), words) {
        Ok(code) => code,
        Err(err) => {
            let _ = io::stdout().flush();
            if let Some(usage) = err.downcast_ref::<UsageError>() {
                report(words, &usage.to_string());
                ExitCode::from(2)
            } else if err.downcast_ref::<cli::DataProblems>().is_some()
                || err.downcast_ref::<cli::NothingDue>().is_some()
            {
                ExitCode::FAILURE
            } else if err
                .downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
                ExitCode::SUCCESS
            } else {
                report(words, &format!("renew: {err:#}"));
                ExitCode::FAILURE
            }
        }
    }
}

fn run(
    args: &Cli,
    config: &Config,
    config_error: Option<&config::ConfigError>,
    words: Words,
) -> anyhow::Result<ExitCode> {
    let data_dir = args.data_dir.clone().or_else(Store::default_data_dir);
    let (policy, pack_problems) = load_policy(args, data_dir.as_deref(), words)?;
    let today = cli::today(
        args.today.as_deref(),
        || chrono::Local::now().date_naive(),
        words,
    )?;
    match &args.command {
        Some(command) => {
            let ctx = cli::Context {
                policy: &policy,
                today,
                now: chrono::Utc::now(),
                data_dir,
                words,
            };
            let code = run_command(args, config, config_error, command, ctx)?;
            // The process ends here: freeing the data one allocation at a
            // time is work nobody waits for.
            std::mem::forget(policy);
            Ok(code)
        }
        None if !plain_mode(args) => run_wizard(args, config, policy, today, pack_problems, words),
        None => run_plain(args, config, &policy, today, words),
    }
}

/// A subcommand: its output on stdout (shown through [`DisplayWriter`]
/// unless it is for machines).
fn run_command(
    args: &Cli,
    config: &Config,
    config_error: Option<&config::ConfigError>,
    command: &cli::Command,
    ctx: cli::Context,
) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if let cli::Command::Kiosk(cli::kiosk_cmd::KioskCommand::Check) = command {
        // With this run's --config, --kiosk and --policy-dir.
        let setup = cli::kiosk_cmd::KioskSetup {
            config,
            config_error,
            config_path: args.config.clone().or_else(config::default_path),
            kiosk_flag: args.kiosk,
            data_dir: ctx.data_dir.clone(),
            policy_dir: args.policy_dir.clone(),
            terminal: cli::kiosk_cmd::KioskSetup::terminal_size(),
        };
        let mut shown = DisplayWriter::new(&mut out, ctx.words);
        cli::kiosk_cmd::check(&setup, ctx.words, &mut shown)?;
        shown.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if command.machine_output() {
        cli::run_command(command, &ctx, &mut out)?;
    } else {
        let mut shown = DisplayWriter::new(&mut out, ctx.words);
        cli::run_command(command, &ctx, &mut shown)?;
        shown.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The wizard, in the terminal.
fn run_wizard(
    args: &Cli,
    config: &Config,
    policy: PolicySet,
    today: chrono::NaiveDate,
    pack_problems: usize,
    words: Words,
) -> anyhow::Result<ExitCode> {
    let high_contrast = match args.theme.as_deref().or(config.theme.as_deref()) {
        None | Some("default") => false,
        Some("high-contrast") => true,
        Some(other) => {
            return Err(UsageError(format!("--theme {other:?}: default | high-contrast")).into());
        }
    };
    let theme = Theme {
        color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        ascii: args.ascii || config.ascii,
        high_contrast,
    };
    let kiosk = (args.kiosk || config.kiosk.enabled).then(|| Kiosk {
        idle_secs: config.kiosk.idle_seconds,
        countdown_secs: config.kiosk.countdown_seconds,
        allow_save: config.kiosk.allow_save,
        quit_key: QuitKey::parse(&config.kiosk.quit_key).unwrap_or(QuitKey::Ctrl('q')),
    });
    let data_dir = args.data_dir.clone().or_else(Store::default_data_dir);
    tui::run(
        policy,
        today,
        tui::Options {
            theme,
            data_dir,
            kiosk,
            print: config.print.clone(),
            pack_problems,
            words,
        },
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Plain numbered questions (a screen reader, a pipe).
fn run_plain(
    args: &Cli,
    config: &Config,
    policy: &PolicySet,
    today: chrono::NaiveDate,
    words: Words,
) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    // Plain questions save the checklist like the wizard, except at a kiosk.
    let kiosk = args.kiosk || config.kiosk.enabled;
    let store = match args.data_dir.clone().or_else(Store::default_data_dir) {
        Some(dir) if !kiosk => Some(Store::open(&dir)?),
        _ => None,
    };
    let stdin = io::stdin();
    let mut shown = DisplayWriter::new(&mut out, words);
    let now = chrono::Utc::now();
    let finished = prompt::run(
        policy,
        today,
        &mut stdin.lock(),
        &mut shown,
        store.as_ref().map(|s| (s, now)),
        words,
    )?;
    shown.flush()?;
    // Quitting is the person's choice, as in the wizard; input that
    // ends before the last answer is not.
    Ok(match finished {
        prompt::Outcome::Planned | prompt::Outcome::Quit => ExitCode::SUCCESS,
        prompt::Outcome::InputEnded => ExitCode::from(1),
    })
}

/// The policy data for this run: the data built in (only the region files
/// a plan by id or name needs), with `--policy-dir` or the installed pack
/// laid over it; each bad file of a pack is reported and skipped. Returns
/// the data and how many pack files were refused.
fn load_policy(
    args: &Cli,
    data_dir: Option<&std::path::Path>,
    words: Words,
) -> anyhow::Result<(PolicySet, usize)> {
    // A plan for a region given by its id (what scripts pass) reads only
    // that region's files; anything else, or a policy pack, reads them all.
    // The pack to read: --policy-dir, else the one installed with `renew
    // data install` (not for the commands that manage or check packs).
    let manages_packs = matches!(
        args.command,
        Some(cli::Command::Data(_) | cli::Command::Generate(_) | cli::Command::Kiosk(_))
    );
    let pack_dir = match (&args.policy_dir, data_dir) {
        (Some(dir), _) => Some(dir.clone()),
        (None, Some(data)) if !manages_packs => match cli::data_cmd::installed_pack(data) {
            Ok(found) => found.map(|(dir, _)| dir),
            Err(e) => {
                report(
                    words,
                    &words.tf("data.installed_unreadable", &[("reason", &e)]),
                );
                None
            }
        },
        _ => None,
    };
    let one_region = match (&args.command, &pack_dir) {
        (Some(cli::Command::Plan { region, .. }), None) => PolicySet::embedded_for(region),
        _ => None,
    };
    let mut policy = match one_region {
        Some(set) => set?,
        None => PolicySet::embedded()?,
    };
    let mut pack_problems = 0;
    if let Some(dir) = &pack_dir {
        // A bad file in a pack is skipped with its reason; the rest still load.
        let (files, mut problems) = renewal_assistant::policy::pack::read_pack_files(dir, &policy);
        let (years, holiday_problems) = renewal_assistant::policy::holidays::read_holidays(dir);
        problems.extend(holiday_problems);
        for p in &problems {
            report(
                words,
                &words.tf(
                    "data.rejected",
                    &[
                        ("file", &p.file),
                        ("field", &p.field),
                        ("reason", &p.reason),
                    ],
                ),
            );
        }
        pack_problems = problems.len();
        policy = policy
            .with_files(files.iter().map(|f| f.entry()).collect())
            .with_holiday_years(years);
        // A pack with a manifest is named in every plan made from it.
        policy = match renewal_assistant::packs::read_manifest(dir) {
            Ok(manifest) => policy.from_pack(cli::data_cmd::pack_ref(&manifest)),
            Err(_) => policy.from_unnamed_pack(),
        };
    }
    Ok((policy, pack_problems))
}

/// A command line clap refused: the help and version as clap prints them,
/// an error cleaned like every other message (it quotes what was typed).
fn usage_error(e: clap::Error, words: Words) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let text = cli::localize_usage_words(&e.render().to_string(), words);
        let code = if e.use_stderr() {
            let _ = io::stderr().write_all(text.as_bytes());
            2
        } else {
            let _ = io::stdout().write_all(text.as_bytes());
            0
        };
        let _ = io::stdout().flush();
        return ExitCode::from(code);
    }
    report(words, &format!("renew: {}", cli::usage_message(&e, words)));
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// A message on stderr, cleaned like everything else shown: a file name, a
/// quoted value or a config line from outside may hold escape sequences.
/// A message on stderr; a stderr nobody reads (a closed pipe) is not an
/// error worth a panic, so what cannot be written is dropped.
fn report(words: Words, text: &str) {
    let _ = writeln!(io::stderr(), "{}", words.data(text));
}

/// Plain numbered questions: asked for, or for a screen reader
/// (`ACCESSIBLE=1`), or when input or output is not a terminal.
fn plain_mode(args: &Cli) -> bool {
    args.plain
        || std::env::var("ACCESSIBLE").is_ok_and(|v| !v.is_empty() && v != "0")
        || !io::stdin().is_terminal()
        || !io::stdout().is_terminal()
}
