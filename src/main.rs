use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use renewal_assistant::cli::{self, Cli, UsageError};
use renewal_assistant::policy::PolicySet;
use renewal_assistant::prompt;

fn main() -> ExitCode {
    let args = Cli::parse();
    match run(&args) {
        Ok(code) => code,
        Err(err) => {
            let _ = io::stdout().flush();
            if let Some(usage) = err.downcast_ref::<UsageError>() {
                eprintln!("{usage}");
                ExitCode::from(2)
            } else if err
                .downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
                ExitCode::SUCCESS
            } else {
                eprintln!("renew: {err:#}");
                ExitCode::FAILURE
            }
        }
    }
}

fn run(args: &Cli) -> anyhow::Result<ExitCode> {
    let policy = PolicySet::embedded()?;
    let today = cli::today(args.today.as_deref(), || chrono::Local::now().date_naive())?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match &args.command {
        Some(command) => {
            let ctx = cli::Context {
                policy: &policy,
                today,
                now: chrono::Utc::now(),
                data_dir: args
                    .data_dir
                    .clone()
                    .or_else(renewal_assistant::checklist::store::Store::default_data_dir),
            };
            cli::run_command(command, &ctx, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        None if !args.plain && io::stdin().is_terminal() && io::stdout().is_terminal() => {
            drop(out);
            let theme = renewal_assistant::tui::theme::Theme {
                color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
                ascii: args.ascii,
            };
            let data_dir = args
                .data_dir
                .clone()
                .or_else(renewal_assistant::checklist::store::Store::default_data_dir);
            renewal_assistant::tui::run(
                policy,
                today,
                renewal_assistant::tui::Options { theme, data_dir },
            )?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let stdin = io::stdin();
            let interactive = stdin.is_terminal();
            let finished = prompt::run(&policy, today, &mut stdin.lock(), &mut out, interactive)?;
            Ok(if finished {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}
