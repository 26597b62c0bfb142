//! Command-line arguments and the commands that print without a terminal
//! UI. Messages for people come from `assets/i18n`; a bad value exits with
//! status 2 and says what would be valid.

use std::io::Write;

use std::path::PathBuf;

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use clap::{Parser, Subcommand, ValueEnum};

use crate::checklist::Checklist;
use crate::checklist::store::Store;
use crate::dates::parse_date;
use crate::i18n::Words;
use crate::plan::{self, Answers};
use crate::policy::{PolicySet, Region};

mod checklist_cmd;
pub mod data_cmd;
pub mod generate;
pub mod kiosk_cmd;
mod listings;
mod localize;
mod resolve;

/// A config file that cannot be used, in the operator's language: the
/// file, and what is wrong in it (the TOML reader's own detail stays in
/// English, quoted).
pub fn config_error_text(e: &crate::config::ConfigError, words: Words) -> String {
    use crate::config::ConfigProblem as P;
    let problem = match &e.problem {
        P::NotRegular => words.t("config_file.not_regular").to_string(),
        P::TooBig => words.tf(
            "config_file.too_big",
            &[("limit", &crate::config::MAX_CONFIG_BYTES)],
        ),
        P::Unreadable(reason) => words.tf("config_file.unreadable", &[("reason", reason)]),
        P::Syntax {
            line: Some(line),
            detail,
        } => words.tf("config_file.syntax", &[("line", line), ("detail", detail)]),
        P::Syntax { line: None, detail } => {
            words.tf("config_file.syntax_no_line", &[("detail", detail)])
        }
        P::IdleTooShort(v) => words.tf("config_file.idle_too_short", &[("value", v)]),
        P::CountdownNotLess { countdown, idle } => words.tf(
            "config_file.countdown_not_less",
            &[("countdown", countdown), ("idle", idle)],
        ),
        P::PrintTimeout(v) => words.tf("config_file.print_timeout", &[("value", v)]),
        P::QuitKey(key) => words.tf("config_file.quit_key", &[("value", &format!("{key:?}"))]),
    };
    words.tf(
        "config_file.error",
        &[("path", &e.path.display()), ("problem", &problem)],
    )
}

pub use localize::{
    early_lang, localize_usage_words, localized_command, parse_args, usage_message,
};
use resolve::not_too_long;
pub(crate) use resolve::{find_disease, find_region, find_scheme};

#[derive(Debug, Parser)]
#[command(
    name = "renew",
    version,
    about = "门诊慢特病续期助手：申请时间、材料、办理渠道和清单"
)]
pub struct Cli {
    /// Use this date as today (e.g. 2026-01-15); for checking and testing.
    #[arg(long, global = true, env = "RENEW_TODAY", value_name = "DATE")]
    pub today: Option<String>,

    /// Language: zh-Hans (简体), zh-Hant (繁體) or en; default from LC_ALL / LANG.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,

    /// Walk-up kiosk: nothing saved unless chosen, idle reset, operator-only quit.
    #[arg(long, global = true)]
    pub kiosk: bool,

    /// Colours: default or high-contrast (NO_COLOR turns colour off).
    #[arg(long, global = true, value_name = "THEME")]
    pub theme: Option<String>,

    /// Config file (default: config.toml in the app's config dir).
    #[arg(long, global = true, env = "RENEW_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Plain numbered questions instead of the full-screen wizard (also env ACCESSIBLE=1).
    #[arg(long, global = true)]
    pub plain: bool,

    /// Draw boxes and markers with ASCII (for terminals that show box characters double-wide).
    #[arg(long, global = true)]
    pub ascii: bool,

    /// A folder of region files that add to or replace the embedded data.
    #[arg(long, global = true, env = "RENEW_POLICY_DIR", value_name = "DIR")]
    pub policy_dir: Option<PathBuf>,

    /// Where checklists are kept (default: the platform's data dir for the app).
    #[arg(long, global = true, env = "RENEW_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<std::path::PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the renewal plan for one person.
    Plan {
        /// Region: id, name, pinyin or a unique part (e.g. haixi, 青岛).
        #[arg(long)]
        region: String,
        /// Scheme: employee / 职工医保, resident / 城乡居民医保.
        #[arg(long)]
        scheme: String,
        /// Disease: id, name, pinyin or initials (e.g. tnb for 糖尿病).
        #[arg(long)]
        disease: String,
        /// The day the current qualification ends (2026-03-31, 2026年3月31日, …).
        #[arg(long, value_name = "DATE")]
        end: String,
        /// Lives or is treated in another province.
        #[arg(long)]
        cross_province: bool,
        /// Retired (changes the example ratios some regions show).
        #[arg(long)]
        retired: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Text width in columns; 0 = no wrapping (default: the terminal's, or COLUMNS).
        #[arg(long, value_name = "N")]
        width: Option<usize>,
        /// Save the checklist for this plan.
        #[arg(long)]
        save: bool,
        /// Whose checklist it is: a word or a name (e.g. 妈妈, 王秀英); no ID or phone numbers.
        #[arg(long, requires = "save")]
        label: Option<String>,
    },
    /// Saved checklists: list, show, tick, untick, delete, export.
    #[command(subcommand)]
    Checklist(ChecklistCommand),
    /// Policy data packs: `renew data check DIR` reports every problem.
    #[command(subcommand)]
    Data(DataCommand),
    /// Every checklist's next action in the coming days; exit status 0 when
    /// something is due, 1 when nothing is.
    Agenda {
        /// How many days ahead (default 7).
        #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(0..=3660))]
        days: u32,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List the regions the program has data for (`--all`: every place).
    Regions {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Every province and prefecture-level city, with the level of
        /// data each gets (its own, its province's, or generic).
        #[arg(long)]
        all: bool,
    },
    // --- issue 25: generated manual page and completions ---
    /// The manual page and shell completions, made from this command line.
    #[command(subcommand)]
    Generate(generate::GenerateCommand),
    /// A walk-up kiosk's setup: `renew kiosk check`.
    #[command(subcommand)]
    Kiosk(kiosk_cmd::KioskCommand),
    // --- end issue 25 ---
    /// List a region's diseases.
    Diseases {
        #[arg(long)]
        region: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Text,
    Json,
    Ics,
    /// What the person was told (`checklist learn`), as a region file for
    /// their place: a policy pack's file (`renew data check`, `--policy-dir`).
    Pack,
}

#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Check a folder of region files: every problem with file, field and reason.
    Check { dir: PathBuf },
    // --- issue 25: installed data packs (cli/data_cmd.rs) ---
    /// Check a pack (a folder or a .tar with manifest.toml) fully and install it.
    Install {
        #[arg(value_name = "DIR")]
        pack: PathBuf,
    },
    /// The data built in and each installed pack.
    List,
    /// Go back to the pack installed before (or to the data built in).
    Rollback,
    // --- end issue 25 ---
}

#[derive(Debug, Subcommand)]
pub enum ChecklistCommand {
    /// Every saved checklist, most urgent first.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Only checklists whose label, region, disease or notes contain
        /// this (pinyin and initials too, as the wizard's filter).
        #[arg(long, value_name = "TEXT")]
        filter: Option<String>,
    },
    /// One checklist with its items (ID: id, unique id prefix, or label).
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Mark items done (ITEM: its number, id, or unique id prefix; several at once).
    Tick {
        id: String,
        #[arg(required = true)]
        item: Vec<String>,
    },
    /// Mark items not done.
    Untick {
        id: String,
        #[arg(required = true)]
        item: Vec<String>,
    },
    /// Record that the application was submitted.
    Submit {
        id: String,
        /// The day it was handed in (default: today).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        /// The channel used: its id or a unique part of its id or name.
        #[arg(long)]
        channel: Option<String>,
    },
    /// Record the approval with the new end date; starts the next cycle.
    Approve {
        id: String,
        /// The new end date, from the approval letter (认定书).
        #[arg(long = "new-end", value_name = "DATE")]
        new_end: String,
        /// The day of the decision (default: today).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// Record a refusal.
    Refuse {
        id: String,
        /// The day of the decision (default: today).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// Delete a checklist (needs --yes).
    Delete {
        id: String,
        #[arg(long)]
        yes: bool,
    },
    /// A printable sheet (markdown, text), the file (json) or calendar events (ics).
    Export {
        #[arg(required_unless_present = "all")]
        id: Option<String>,
        /// Every checklist in one calendar (with --format ics).
        #[arg(long, conflicts_with = "id")]
        all: bool,
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
    },
    // --- issue 26: notes, rename and edit from the command line ---
    /// Add a dated note (e.g. 已电话通知，周五来取申请表).
    Note {
        id: String,
        text: String,
        /// The day the note is about (default: today).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// Give a checklist a new label.
    Rename { id: String, label: String },
    /// Change a checklist's answers; ticks of items still asked for are kept.
    Edit {
        id: String,
        /// The new end date of the current qualification.
        #[arg(long, value_name = "DATE")]
        end: Option<String>,
        /// Disease: id, name, pinyin or initials.
        #[arg(long)]
        disease: Option<String>,
        /// Scheme: employee / 职工医保, resident / 城乡居民医保.
        #[arg(long)]
        scheme: Option<String>,
        /// Region: id, name, pinyin or a unique part.
        #[arg(long)]
        region: Option<String>,
    },
    // --- end issue 26 ---
    /// Record what you were told when you asked (one fact at a time): the
    /// plan for this checklist is then counted with it. `--forget FIELD`
    /// takes one back.
    Learn {
        id: String,
        /// The review takes N working days.
        #[arg(long, value_name = "N", allow_hyphen_values = true)]
        review_days: Option<String>,
        /// One may apply from M calendar months before the end date.
        #[arg(long, value_name = "M", allow_hyphen_values = true)]
        window_months: Option<String>,
        /// One may apply within D days before the end date.
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        window_days: Option<String>,
        /// This disease needs no renewal.
        #[arg(long)]
        no_renewal: bool,
        /// Who told you (医保窗口, 12393 …).
        #[arg(long, value_name = "TEXT")]
        from: Option<String>,
        /// The day you were told (default: today).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        /// Take back what was recorded: review-days, window-months,
        /// window-days or no-renewal.
        #[arg(long, value_name = "FIELD")]
        forget: Option<String>,
    },
}

impl Command {
    /// Output meant for programs (JSON, iCalendar) keeps the source text.
    pub fn machine_output(&self) -> bool {
        match self {
            Command::Plan { format, .. } => *format == Format::Json,
            Command::Regions { format, .. } | Command::Diseases { format, .. } => {
                *format == ListFormat::Json
            }
            Command::Data(_) => false,
            // A roff page or a shell script, byte for byte.
            Command::Generate(_) => true,
            Command::Kiosk(_) => false,
            Command::Agenda { format, .. } => *format == Format::Json,
            Command::Checklist(c) => match c {
                ChecklistCommand::List { format, .. } | ChecklistCommand::Show { format, .. } => {
                    *format == ListFormat::Json
                }
                ChecklistCommand::Export { format, .. } => {
                    matches!(
                        format,
                        ExportFormat::Json | ExportFormat::Ics | ExportFormat::Pack
                    )
                }
                _ => false,
            },
        }
    }
}

/// `renew data check` found problems (already printed): exit status 1.
#[derive(Debug, thiserror::Error)]
#[error("")]
pub struct DataProblems;

/// `renew agenda` found nothing due (its output already says so): exit
/// status 1, so `renew agenda && notify` notifies only when something is.
#[derive(Debug, thiserror::Error)]
#[error("")]
pub struct NothingDue;

/// A mistake in what the person typed: printed as is, exit status 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The date to use as today: `--today` / `RENEW_TODAY`, else the clock's.
pub fn today(
    arg: Option<&str>,
    clock: impl FnOnce() -> NaiveDate,
    words: Words,
) -> Result<NaiveDate, UsageError> {
    match arg {
        Some(text) => {
            not_too_long(text, "cli.which.today", words)?;
            parse_date(text).map_err(|e| {
                UsageError(words.tf(
                    "cli.bad_date",
                    &[
                        ("input", &text),
                        ("which", &words.t("cli.which.today")),
                        ("reason", &crate::dates::words::error_message(&e, words)),
                    ],
                ))
            })
        }
        None => Ok(clock()),
    }
}

/// The terminal's width when printing to one, else `COLUMNS` when set
/// (a pipe into `less` from a shell that exports it), else a width that
/// prints well.
fn output_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Ok((cols, _)) = crossterm::terminal::size()
    {
        return usize::from(cols).saturating_sub(1).max(40);
    }
    columns_from_env(std::env::var("COLUMNS").ok().as_deref()).unwrap_or(100)
}

/// `COLUMNS` as a width, if it is a sensible number.
fn columns_from_env(value: Option<&str>) -> Option<usize> {
    let n: usize = value?.trim().parse().ok()?;
    (n > 0).then_some(n.clamp(40, 400))
}

fn window_words(r: &Region, words: Words) -> String {
    if region_needs_no_renewal(r) {
        return words.t("plan.status.no_renewal").to_string();
    }
    let days = r.window_days.as_ref().and_then(|f| f.value);
    let mut text = match (days, r.window_months.value) {
        (Some(n), _) => words.tf("cli.window_days", &[("n", &n)]),
        (None, Some(n)) => words.tf("cli.window_months", &[("n", &n)]),
        (None, None) => words.t("cli.window_unknown").to_string(),
    };
    if let Some(g) = r.grace_days.as_ref().and_then(|f| f.value) {
        text.push_str(&words.tf("cli.grace_days", &[("n", &g)]));
    }
    text
}

/// No disease of the region needs renewal (北京).
fn region_needs_no_renewal(r: &Region) -> bool {
    r.renewal_scope.as_ref().is_some_and(|s| {
        s.diseases.is_empty() && s.others == crate::policy::OutsideScope::NoRenewal
    })
}

/// What a command needs from the outside world, gathered at the edge.
pub struct Context<'a> {
    pub policy: &'a PolicySet,
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
    /// The data dir (checklists live in its `checklists/`).
    pub data_dir: Option<PathBuf>,
    /// The words the command's output is written in.
    pub words: Words,
}

impl Context<'_> {
    fn store(&self) -> Result<Store> {
        let words = self.words;
        let dir = match &self.data_dir {
            Some(d) => d.clone(),
            None => Store::default_data_dir()
                .ok_or_else(|| UsageError(words.t("cli.no_data_dir").to_string()))?,
        };
        Store::open(&dir).map_err(|e| {
            checklist_cmd::user_facing(words)(e)
                .context(words.tf("cli.store_open_failed", &[("dir", &dir.display())]))
        })
    }
}

/// The end date as typed on the command line (`--end`, `checklist edit
/// --end`), or a usage error saying what was typed and why it is no date.
fn end_arg(end: &str, today: chrono::NaiveDate, words: Words) -> Result<crate::dates::EndDate> {
    not_too_long(end, "cli.which.end", words)?;
    crate::dates::read_end_date(end, today).map_err(|e| {
        UsageError(words.tf(
            "cli.bad_date",
            &[
                ("input", &end),
                ("which", &words.t("cli.which.end")),
                ("reason", &crate::dates::words::error_message(&e, words)),
            ],
        ))
        .into()
    })
}

/// Runs a subcommand, writing to `out`.
pub fn run_command(command: &Command, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let policy = ctx.policy;
    let today = ctx.today;
    let words = ctx.words;
    match command {
        Command::Checklist(cmd) => checklist_cmd::run(cmd, ctx, out)?,
        Command::Generate(cmd) => generate::run(cmd, words, out)?,
        Command::Kiosk(kiosk_cmd::KioskCommand::Check) => {
            kiosk_cmd::check_from_env(ctx.data_dir.clone(), words, out)?
        }
        Command::Agenda { days, format } => checklist_cmd::agenda(ctx, *days, *format, out)?,
        Command::Data(DataCommand::Install { pack }) => data_cmd::install(pack, ctx, out)?,
        Command::Data(DataCommand::List) => data_cmd::list(ctx, out)?,
        Command::Data(DataCommand::Rollback) => data_cmd::rollback(ctx, out)?,
        Command::Data(DataCommand::Check { dir }) => data_cmd::check(dir, policy, words, out)?,
        Command::Plan {
            region,
            scheme,
            disease,
            end,
            cross_province,
            retired,
            format,
            width,
            save,
            label,
        } => {
            let asked = PlanQuestion {
                region,
                scheme,
                disease,
                end,
                cross_province: *cross_province,
                retired: *retired,
            };
            let (plan, answers) = asked.plan(policy, today, words)?;
            let saved = match save {
                true => Some(save_checklist(ctx, &plan, &answers, label.as_deref())?),
                false => None,
            };
            print_plan(&plan, *format, *width, saved.as_ref(), words, out)?;
        }
        Command::Regions { format, all: true } => all_places(policy, *format, words, out)?,
        Command::Regions { format, all: false } => listings::regions(policy, *format, words, out)?,
        Command::Diseases { region, format } => {
            listings::diseases(policy, region, *format, words, out)?
        }
    }
    Ok(())
}

/// What `renew plan` was asked, as typed.
struct PlanQuestion<'a> {
    region: &'a str,
    scheme: &'a str,
    disease: &'a str,
    end: &'a str,
    cross_province: bool,
    retired: bool,
}

impl PlanQuestion<'_> {
    /// The plan for these answers, each typed value resolved (or a usage
    /// error saying what would be valid).
    fn plan(
        &self,
        policy: &PolicySet,
        today: NaiveDate,
        words: Words,
    ) -> Result<(plan::RenewalPlan, Answers)> {
        let PlanQuestion {
            region,
            scheme,
            disease,
            end,
            ..
        } = *self;
        let choice = find_region(policy, region, words)?;
        let region = &policy.regions[choice.region];
        let scheme = find_scheme(scheme, words)?;
        let (disease, typed) = find_disease(region, disease, words)?;
        let end_date = end_arg(end, today, words)?;
        // Month and day alone: say on stderr which year was read, so
        // the output itself stays as it would be with the year typed.
        if let Some(note) = crate::dates::words::year_note(&end_date, words) {
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                words.data(&words.tf(
                    "cli.end_year_guessed",
                    &[("input", &end), ("note", &note), ("date", &end_date.date)],
                ))
            );
        }
        let validity_end = end_date.date;
        let answers = Answers {
            region: choice.key.clone(),
            scheme,
            disease: disease.id.clone(),
            validity_end,
            cross_province: self.cross_province,
            retired: self.retired,
        };
        let mut plan = plan::compute(policy, &answers, today)?;
        plan.disease.typed = typed;
        Ok((plan, answers))
    }
}

/// A checklist saved by `plan --save`: the checklist, its file, and an
/// earlier one of the same person's same renewal.
type Saved = (Checklist, PathBuf, Option<Checklist>);

/// Saves the plan's checklist under `label` (or a default that differs
/// from the others').
fn save_checklist(
    ctx: &Context,
    plan: &plan::RenewalPlan,
    answers: &Answers,
    label: Option<&str>,
) -> Result<Saved> {
    if let Some(l) = label {
        crate::checklist::check_label(l)
            .map_err(|p| UsageError(crate::checklist::words::label_problem_text(p, ctx.words)))?;
    }
    let store = ctx.store()?;
    // The same person's same renewal saved twice is worth a word; a label
    // left to the default is made to differ.
    let existing = store.list(ctx.now).map(|(l, _)| l).unwrap_or_default();
    let label = match label.map(str::trim) {
        Some(l) if !l.is_empty() => l.to_string(),
        _ => crate::checklist::agenda::distinct_label(
            &existing,
            &crate::vocabulary::entry_with_typed(
                &plan.disease.name,
                plan.disease.typed.as_ref(),
                ctx.words,
            ),
            &answers.region,
            &answers.disease,
        ),
    };
    let checklist = Checklist::new(store.new_id(), &label, answers, plan, ctx.now);
    let twin = crate::checklist::agenda::same_as(&existing, &checklist).cloned();
    let path = store
        .create(&checklist)
        .map_err(checklist_cmd::user_facing(ctx.words))?;
    Ok((checklist, path, twin))
}

/// The plan in `format`, and what was saved.
fn print_plan(
    plan: &plan::RenewalPlan,
    format: Format,
    width: Option<usize>,
    saved: Option<&Saved>,
    words: Words,
    out: &mut dyn Write,
) -> Result<()> {
    match format {
        Format::Text => match width {
            Some(0) => write!(out, "{}", crate::document::plan_text_unwrapped(plan, words))?,
            Some(n) => write!(out, "{}", crate::document::plan_text(plan, n, words))?,
            None => write!(
                out,
                "{}",
                crate::document::plan_text(plan, output_width(), words)
            )?,
        },
        Format::Markdown => write!(out, "{}", crate::document::plan_markdown(plan, words))?,
        Format::Json => {
            let mut value = serde_json::to_value(plan)?;
            if let (Some((c, path, twin)), Some(map)) = (saved, value.as_object_mut()) {
                map.insert(
                    "checklist".into(),
                    serde_json::json!({
                        "id": c.id, "label": c.label, "path": path,
                        "same_as": twin.as_ref().map(|t| &t.id),
                    }),
                );
            }
            writeln!(out, "{}", crate::i18n::to_json(&value)?)?
        }
    }
    if let (Some((c, path, twin)), false) = (saved, format == Format::Json) {
        writeln!(out)?;
        writeln!(out, "{}", c.saved_message(path, words))?;
        if let Some(twin) = twin {
            writeln!(
                out,
                "{}",
                words.tf(
                    "checklist.duplicate",
                    &[
                        ("label", &twin.label),
                        ("region", &twin.region_name),
                        ("disease", &twin.disease_name),
                        ("id", &twin.id)
                    ]
                )
            )?;
        }
    }
    Ok(())
}

/// `renew regions --all`: every place, with whose data it gets.
fn all_places(
    policy: &PolicySet,
    format: ListFormat,
    words: Words,
    out: &mut dyn Write,
) -> Result<()> {
    use crate::policy::DataLevel;
    let choices = crate::policy::choices(policy);
    match format {
        ListFormat::Json => {
            let list: Vec<_> = choices
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "key": c.key,
                        "code": c.place.map(|p| &p.code),
                        "name": c.name(policy),
                        "place_level": c.place.map(|p| p.level),
                        "data_level": c.level,
                        "region": policy.regions[c.region].id,
                    })
                })
                .collect();
            writeln!(out, "{}", crate::i18n::to_json(&list)?)?;
        }
        ListFormat::Text => {
            writeln!(out, "{}", words.t("cli.regions.all_heading"))?;
            let rows: Vec<Vec<String>> = choices
                .iter()
                .map(|c| {
                    let r = &policy.regions[c.region];
                    let level = match c.level {
                        DataLevel::City if c.has_own_data(policy) => {
                            words.t("places.level.city").to_string()
                        }
                        DataLevel::Generic => words.t("places.level.generic").to_string(),
                        // A province's data, or a municipality's for its district.
                        _ => format!(
                            "{}（{}）",
                            words.t(match c.level {
                                DataLevel::Province => "places.level.province",
                                _ => "places.level.city",
                            }),
                            r.short_name
                        ),
                    };
                    vec![
                        c.key.clone(),
                        crate::wizard::region_name(policy, c, words),
                        level,
                    ]
                })
                .collect();
            for line in crate::document::text::columns(&rows) {
                writeln!(out, "  {line}")?;
            }
        }
    }
    Ok(())
}
