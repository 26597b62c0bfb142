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
use crate::i18n::{t, tf};
use crate::plan::{self, Answers};
use crate::policy::{PolicySet, Region, Scheme};
use crate::search::{Resolution, SearchIndex, disease_index, scheme_index};
use crate::vocabulary::{NotCovered, TypedDisease};

mod checklist_cmd;
pub mod data_cmd;
pub mod generate;
pub mod kiosk_cmd;

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
        /// Your own word for whose checklist it is (e.g. 妈妈); no names or ID numbers needed.
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
                ChecklistCommand::List { format } | ChecklistCommand::Show { format, .. } => {
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
) -> Result<NaiveDate, UsageError> {
    match arg {
        Some(text) => {
            not_too_long(text, "cli.which.today")?;
            parse_date(text).map_err(|e| {
                UsageError(tf(
                    "cli.bad_date",
                    &[
                        ("input", &text),
                        ("which", &t("cli.which.today")),
                        ("reason", &crate::dates::words::error_message(&e)),
                    ],
                ))
            })
        }
        None => Ok(clock()),
    }
}

fn choose<'a, T>(
    index: &SearchIndex,
    items: &'a [T],
    input: &str,
    what_key: &str,
    label: impl Fn(&T) -> String,
) -> Result<&'a T, UsageError> {
    // Looked up only for a message: a good answer needs no UI text.
    let what = || t(what_key);
    let listing = |ids: &[usize]| -> String {
        ids.iter()
            .map(|&i| format!("  {}", label(&items[i])))
            .collect::<Vec<_>>()
            .join("\n")
    };
    match index.resolve(input) {
        Resolution::One(i) => Ok(&items[i]),
        Resolution::Ambiguous(ids) => Err(UsageError(format!(
            "{}\n{}",
            tf("cli.ambiguous", &[("input", &input), ("what", &what())]),
            listing(&ids)
        ))),
        Resolution::NotFound(near) => {
            let mut msg = tf("cli.unknown", &[("input", &input), ("what", &what())]);
            if items.len() <= 12 {
                msg.push_str(&format!(
                    "\n{}\n{}",
                    tf("cli.valid_choices", &[("what", &what())]),
                    listing(&(0..items.len()).collect::<Vec<_>>())
                ));
            } else {
                msg.push_str(&format!("\n{}\n{}", t("cli.nearest"), listing(&near)));
            }
            msg.push_str(&format!("\n{}", t("cli.list_hint")));
            Err(UsageError(msg))
        }
    }
}

/// The one item whose id, name or alias is exactly `input`, found without
/// building the pinyin index (the common case: a script passing ids).
fn exact<'a, T>(items: &'a [T], input: &str, names: impl Fn(&T) -> Vec<&str>) -> Option<&'a T> {
    let q = crate::text::normalize(input);
    let mut hits = items
        .iter()
        .filter(|it| names(it).iter().any(|n| crate::text::normalize(n) == q));
    match (hits.next(), hits.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// An answer too long to be a name is refused before any search: matching
/// costs time in proportion to its length.
fn not_too_long(input: &str, what_key: &str) -> Result<(), UsageError> {
    if crate::search::too_long(input) {
        return Err(UsageError(tf(
            "cli.too_long",
            &[
                ("what", &t(what_key)),
                ("n", &input.chars().count()),
                ("max", &crate::search::MAX_QUERY_CHARS),
            ],
        )));
    }
    Ok(())
}

/// The place or region `input` names: an id, a GB/T 2260 code, a name or
/// alias, pinyin or initials. Ambiguous (吉林省 or 吉林市?) and unknown
/// answers are usage errors listing the candidates.
pub(crate) fn find_region(
    policy: &PolicySet,
    input: &str,
) -> Result<crate::places::Choice, UsageError> {
    not_too_long(input, "cli.what.region")?;
    // An id, a code or an exact name settles it without the pinyin index
    // or the list of every place (a script passing an id pays for neither).
    if let Some(c) = crate::places::exact_choice(policy, input) {
        return Ok(c);
    }
    let choices = crate::places::choices(policy);
    let index = crate::search::region_index_of(policy, &choices);
    choose(&index, &choices, input, "cli.what.region", |c| {
        format!("{}  {}", c.key, crate::wizard::region_name(policy, c))
    })
    .cloned()
    .map_err(|mut e| {
        // A place the index does not know still gets a plan: the generic.
        if matches!(index.resolve(input), Resolution::NotFound(_))
            && let Some(g) = policy.regions.iter().find(|r| r.generic)
        {
            e.0.push('\n');
            e.0.push_str(&tf(
                "places.cli_generic",
                &[
                    ("id", &g.id),
                    ("generic", &crate::i18n::name(&g.name, g.name_en.as_deref())),
                ],
            ));
        }
        e
    })
}

/// The region's entry for the disease `input` names: by its id, name,
/// alias, pinyin or initials in the region's own list; else the entry that
/// covers it in the national vocabulary (the entry naming it otherwise, or
/// the region's 其他病种 / 任一病种), with the disease as typed beside it.
/// A usage error when the name is ambiguous, unknown everywhere (with the
/// closest names), or a known disease the region's list leaves out.
pub(crate) fn find_disease<'a>(
    region: &'a Region,
    input: &str,
) -> Result<(&'a crate::policy::Disease, Option<TypedDisease>), UsageError> {
    not_too_long(input, "cli.what.disease")?;
    if let Some(d) = exact(&region.diseases, input, |d| {
        [d.id.as_str(), d.name.as_str()]
            .into_iter()
            .chain(d.aliases.iter().map(String::as_str))
            .collect()
    }) {
        return Ok((d, None));
    }
    let index = disease_index(region);
    let listed = |d: &crate::policy::Disease| format!("{}  {}", d.id, d.name);
    if !matches!(index.resolve(input), Resolution::NotFound(_)) {
        return choose(&index, &region.diseases, input, "cli.what.disease", listed)
            .map(|d| (d, None));
    }
    match crate::vocabulary::covering(region, input) {
        Ok((d, typed)) => Ok((d, Some(typed))),
        Err(NotCovered::NotListed(concept)) => {
            let mut msg = tf(
                "cli.disease_not_listed",
                &[
                    ("input", &input),
                    ("concept", &concept.name.as_str()),
                    ("region", &region.name.as_str()),
                ],
            );
            msg.push_str(&format!(
                "\n{}\n{}\n{}",
                tf("cli.valid_choices", &[("what", &t("cli.what.disease"))]),
                region
                    .diseases
                    .iter()
                    .map(|d| format!("  {}", listed(d)))
                    .collect::<Vec<_>>()
                    .join("\n"),
                t("cli.list_hint")
            ));
            Err(UsageError(msg))
        }
        Err(NotCovered::Ambiguous(names)) => Err(UsageError(format!(
            "{}\n{}",
            tf(
                "cli.ambiguous",
                &[("input", &input), ("what", &t("cli.what.disease"))]
            ),
            names
                .iter()
                .map(|n| format!("  {n}"))
                .collect::<Vec<_>>()
                .join("\n")
        ))),
        Err(NotCovered::Unknown(near)) => {
            let mut msg = match choose(&index, &region.diseases, input, "cli.what.disease", listed)
            {
                Err(UsageError(m)) => m,
                Ok(_) => String::new(),
            };
            msg.push_str(&format!(
                "\n{}\n{}",
                t("cli.nearest_everywhere"),
                near.iter()
                    .map(|n| format!("  {n}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            ));
            Err(UsageError(msg))
        }
    }
}

pub(crate) fn find_scheme(input: &str) -> Result<Scheme, UsageError> {
    not_too_long(input, "cli.what.scheme")?;
    choose(
        &scheme_index(),
        &Scheme::ALL,
        input,
        "cli.what.scheme",
        |s| format!("{}  {}", s.id(), crate::plan::render::scheme_label(*s)),
    )
    .copied()
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

fn window_words(r: &Region) -> String {
    if region_needs_no_renewal(r) {
        return t("plan.status.no_renewal").to_string();
    }
    let days = r.window_days.as_ref().and_then(|f| f.value);
    let mut words = match (days, r.window_months.value) {
        (Some(n), _) => tf("cli.window_days", &[("n", &n)]),
        (None, Some(n)) => tf("cli.window_months", &[("n", &n)]),
        (None, None) => t("cli.window_unknown").to_string(),
    };
    if let Some(g) = r.grace_days.as_ref().and_then(|f| f.value) {
        words.push_str(&tf("cli.grace_days", &[("n", &g)]));
    }
    words
}

/// No disease of the region needs renewal (北京).
fn region_needs_no_renewal(r: &Region) -> bool {
    r.renewal_scope.as_ref().is_some_and(|s| {
        s.diseases.is_empty() && s.others == crate::policy::OutsideScope::NoRenewal
    })
}

/// The command line with its descriptions in the current language (keys
/// `clap.<subcommand>.<argument>` in `assets/i18n`), clap's own words
/// (Usage, Options, the help and version flags) replaced by ours.
pub fn localized_command() -> clap::Command {
    use clap::CommandFactory;
    localize(Cli::command(), "clap")
}

fn localize(mut cmd: clap::Command, prefix: &str) -> clap::Command {
    use clap::{Arg, ArgAction};
    if let Some(about) = crate::i18n::lookup(&format!("{prefix}.about")) {
        cmd = cmd.about(about);
    }
    // clap's own words (Usage, Options, Print help …) are English and
    // cannot be translated, so every one of them is replaced: the headings
    // by our template, the automatic flags by our own, and the notes clap
    // adds after a help line ([env: …], [default: …], [possible values: …])
    // by our words in the help itself.
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
        t("clap.heading.usage")
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(t("clap.heading.commands"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t("clap.help")),
        );
    if prefix == "clap" {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t("clap.version")),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !a.is_global_set() || prefix == "clap")
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let own = crate::i18n::lookup(&format!("{prefix}.{id}"));
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
                help.push_str(&tf("clap.note.values", &[("values", &values.join(", "))]));
            }
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() && a.get_action().takes_values() {
                help.push_str(&tf("clap.note.default", &[("value", &defaults.join(", "))]));
            }
            if let Some(var) = a.get_env() {
                help.push_str(&tf("clap.note.env", &[("var", &var.to_string_lossy())]));
            }
            let heading = if a.is_positional() {
                t("clap.heading.arguments")
            } else if a.is_global_set() {
                t("clap.heading.global")
            } else {
                t("clap.heading.options")
            };
            let given: Vec<String> = match a.get_value_names() {
                Some(names) => names.iter().map(|n| n.to_string()).collect(),
                None => vec![a.get_id().to_string().to_uppercase()],
            };
            let names: Vec<String> = given
                .iter()
                .map(|n| {
                    crate::i18n::lookup(&format!("clap.value.{}", n.to_lowercase()))
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
        cmd = cmd.mut_subcommand(name, |s| localize(s, &sub_prefix));
    }
    cmd
}

/// A command line clap refused, in the user's language. clap's own
/// message is English; ours names the same argument and value.
pub fn usage_message(e: &clap::Error) -> String {
    localize_usage_words(&usage_words(e))
}

/// clap's usage line says `[OPTIONS]` and `<COMMAND>` in English.
pub fn localize_usage_words(text: &str) -> String {
    text.replace("[OPTIONS]", t("clap.usage.options"))
        .replace("[COMMAND]", t("clap.usage.command_optional"))
        .replace("<COMMAND>", t("clap.usage.command"))
}

fn usage_words(e: &clap::Error) -> String {
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
        ErrorKind::UnknownArgument => tf("clap.error.unknown_argument", &[("arg", &arg)]),
        ErrorKind::InvalidSubcommand => tf(
            "clap.error.unknown_command",
            &[("command", &get(ContextKind::InvalidSubcommand))],
        ),
        ErrorKind::InvalidValue => {
            let value = get(ContextKind::InvalidValue);
            if value.is_empty() {
                tf("clap.error.missing_value", &[("arg", &arg)])
            } else {
                tf(
                    "clap.error.invalid_value",
                    &[
                        ("arg", &arg),
                        ("value", &value),
                        ("valid", &get(ContextKind::ValidValue)),
                    ],
                )
            }
        }
        ErrorKind::MissingRequiredArgument => tf("clap.error.missing_argument", &[("arg", &arg)]),
        ErrorKind::ArgumentConflict => tf(
            "clap.error.conflict",
            &[("arg", &arg), ("other", &get(ContextKind::PriorArg))],
        ),
        ErrorKind::MissingSubcommand => t("clap.error.missing_command").to_string(),
        ErrorKind::InvalidUtf8 => t("clap.error.not_utf8").to_string(),
        ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues
        | ErrorKind::NoEquals
        | ErrorKind::ValueValidation => tf("clap.error.bad_value", &[("arg", &arg)]),
        _ => t("clap.error.other").to_string(),
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
        text.push_str(&tf("clap.error.did_you_mean", &[("suggested", &suggested)]));
    }
    text.push('\n');
    text.push_str(t("clap.error.try_help"));
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

/// What a command needs from the outside world, gathered at the edge.
pub struct Context<'a> {
    pub policy: &'a PolicySet,
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
    /// The data dir (checklists live in its `checklists/`).
    pub data_dir: Option<PathBuf>,
}

impl Context<'_> {
    fn store(&self) -> Result<Store> {
        let dir = match &self.data_dir {
            Some(d) => d.clone(),
            None => Store::default_data_dir()
                .ok_or_else(|| UsageError(t("cli.no_data_dir").to_string()))?,
        };
        Store::open(&dir).map_err(|e| {
            checklist_cmd::user_facing(e)
                .context(tf("cli.store_open_failed", &[("dir", &dir.display())]))
        })
    }
}

/// Runs a subcommand, writing to `out`.
pub fn run_command(command: &Command, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let policy = ctx.policy;
    let today = ctx.today;
    match command {
        Command::Checklist(cmd) => checklist_cmd::run(cmd, ctx, out)?,
        Command::Generate(cmd) => generate::run(cmd, out)?,
        Command::Kiosk(kiosk_cmd::KioskCommand::Check) => {
            kiosk_cmd::check_from_env(ctx.data_dir.clone(), out)?
        }
        Command::Agenda { days, format } => checklist_cmd::agenda(ctx, *days, *format, out)?,
        Command::Data(DataCommand::Install { pack }) => data_cmd::install(pack, ctx, out)?,
        Command::Data(DataCommand::List) => data_cmd::list(ctx, out)?,
        Command::Data(DataCommand::Rollback) => data_cmd::rollback(ctx, out)?,
        Command::Data(DataCommand::Check { dir }) => {
            let (regions, mut problems) = crate::policy::pack::read_pack(dir, policy);
            let (years, holiday_problems) = crate::policy::holidays::read_holidays(dir);
            problems.extend(holiday_problems);
            for r in &regions {
                writeln!(
                    out,
                    "{}",
                    tf(
                        "data.ok",
                        &[
                            ("id", &crate::text::cut_long(&r.id)),
                            ("name", &crate::text::cut_long(&r.name))
                        ]
                    )
                )?;
            }
            for y in &years {
                writeln!(
                    out,
                    "{}",
                    tf(
                        "data.holidays_ok",
                        &[
                            ("year", &y.year),
                            ("source", &y.source),
                            (
                                "published",
                                &y.published
                                    .map_or_else(|| "?".to_string(), |d| d.to_string())
                            )
                        ]
                    )
                )?;
            }
            for p in &problems {
                writeln!(
                    out,
                    "{}",
                    tf(
                        "data.problem",
                        &[
                            ("file", &p.file),
                            ("field", &p.field),
                            ("reason", &p.reason)
                        ]
                    )
                )?;
            }
            writeln!(
                out,
                "{}",
                tf(
                    "data.summary",
                    &[("ok", &regions.len()), ("bad", &problems.len())]
                )
            )?;
            if !problems.is_empty() {
                return Err(DataProblems.into());
            }
        }
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
            let choice = find_region(policy, region)?;
            let region = &policy.regions[choice.region];
            let scheme = find_scheme(scheme)?;
            let (disease, typed) = find_disease(region, disease)?;
            not_too_long(end, "cli.which.end")?;
            let end_date = crate::dates::read_end_date(end, today).map_err(|e| {
                UsageError(tf(
                    "cli.bad_date",
                    &[
                        ("input", &end),
                        ("which", &t("cli.which.end")),
                        ("reason", &crate::dates::words::error_message(&e)),
                    ],
                ))
            })?;
            // Month and day alone: say on stderr which year was read, so
            // the output itself stays as it would be with the year typed.
            if let Some(note) = crate::dates::words::year_note(&end_date) {
                eprintln!(
                    "{}",
                    crate::i18n::data(&tf(
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
                cross_province: *cross_province,
                retired: *retired,
            };
            let mut plan = plan::compute(policy, &answers, today)?;
            plan.disease.typed = typed;
            let saved = if *save {
                if let Some(l) = label {
                    crate::checklist::check_label(l)
                        .map_err(|p| UsageError(crate::checklist::words::label_problem_text(p)))?;
                }
                let store = ctx.store()?;
                // The same person's same renewal saved twice is worth a word;
                // a label left to the default is made to differ.
                let existing = store.list(ctx.now).map(|(l, _)| l).unwrap_or_default();
                let label = match label.as_deref().map(str::trim) {
                    Some(l) if !l.is_empty() => l.to_string(),
                    _ => crate::checklist::agenda::distinct_label(
                        &existing,
                        &plan.disease.name,
                        &answers.region,
                        &answers.disease,
                    ),
                };
                let checklist = Checklist::new(store.new_id(), &label, &answers, &plan, ctx.now);
                let twin = crate::checklist::agenda::same_as(&existing, &checklist).cloned();
                let path = store
                    .create(&checklist)
                    .map_err(checklist_cmd::user_facing)?;
                Some((checklist, path, twin))
            } else {
                None
            };
            match format {
                Format::Text => match width {
                    Some(0) => write!(out, "{}", crate::document::plan_text_unwrapped(&plan))?,
                    Some(n) => write!(out, "{}", crate::document::plan_text(&plan, *n))?,
                    None => write!(out, "{}", crate::document::plan_text(&plan, output_width()))?,
                },
                Format::Markdown => write!(out, "{}", crate::document::plan_markdown(&plan))?,
                Format::Json => {
                    let mut value = serde_json::to_value(&plan)?;
                    if let (Some((c, path, twin)), Some(map)) = (&saved, value.as_object_mut()) {
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
            if let (Some((c, path, twin)), false) = (&saved, *format == Format::Json) {
                writeln!(out)?;
                writeln!(out, "{}", c.saved_message(path))?;
                if let Some(twin) = twin {
                    writeln!(
                        out,
                        "{}",
                        tf(
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
        }
        Command::Regions { format, all: true } => all_places(policy, *format, out)?,
        Command::Regions { format, all: false } => match format {
            ListFormat::Json => {
                let list: Vec<_> = policy
                    .regions
                    .iter()
                    .map(|r| {
                        serde_json::json!({
                            "id": r.id, "name": r.name, "short_name": r.short_name,
                            "province": r.province, "benefit_name": r.benefit_name,
                            "generic": r.generic, "diseases": r.diseases.len(),
                            "window_months": r.window_months.value,
                            "window_days": r.window_days.as_ref().and_then(|f| f.value),
                            "grace_days": r.grace_days.as_ref().and_then(|f| f.value),
                            "no_renewal": region_needs_no_renewal(r),
                            "verified_on": r.verified_on,
                        })
                    })
                    .collect();
                writeln!(out, "{}", crate::i18n::to_json(&list)?)?;
            }
            ListFormat::Text => {
                writeln!(out, "{}", t("cli.regions.heading"))?;
                let rows: Vec<Vec<String>> = policy
                    .regions
                    .iter()
                    .map(|r| {
                        vec![
                            r.id.clone(),
                            crate::i18n::name(&r.name, r.name_en.as_deref()),
                            r.diseases.len().to_string(),
                            window_words(r),
                        ]
                    })
                    .collect();
                for line in crate::document::text::columns(&rows) {
                    writeln!(out, "  {line}")?;
                }
                writeln!(out, "{}", t("cli.regions.all_hint"))?;
            }
        },
        Command::Diseases { region, format } => {
            let region = &policy.regions[find_region(policy, region)?.region];
            match format {
                ListFormat::Json => {
                    let list: Vec<_> = region
                        .diseases
                        .iter()
                        .map(|d| serde_json::json!({ "id": d.id, "name": d.name, "aliases": d.aliases, "other": d.other }))
                        .collect();
                    writeln!(out, "{}", crate::i18n::to_json(&list)?)?;
                }
                ListFormat::Text => {
                    writeln!(
                        out,
                        "{}",
                        tf("cli.diseases.heading", &[("region", &region.name)])
                    )?;
                    for d in &region.diseases {
                        writeln!(
                            out,
                            "  {}  {}",
                            crate::document::text::pad(&d.id, 34),
                            d.name
                        )?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// `renew regions --all`: every place, with whose data it gets.
fn all_places(policy: &PolicySet, format: ListFormat, out: &mut dyn Write) -> Result<()> {
    use crate::places::DataLevel;
    let choices = crate::places::choices(policy);
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
            writeln!(out, "{}", t("cli.regions.all_heading"))?;
            let rows: Vec<Vec<String>> = choices
                .iter()
                .map(|c| {
                    let r = &policy.regions[c.region];
                    let level = match c.level {
                        DataLevel::City if c.has_own_data(policy) => {
                            t("places.level.city").to_string()
                        }
                        DataLevel::Generic => t("places.level.generic").to_string(),
                        // A province's data, or a municipality's for its district.
                        _ => format!(
                            "{}（{}）",
                            t(match c.level {
                                DataLevel::Province => "places.level.province",
                                _ => "places.level.city",
                            }),
                            r.short_name
                        ),
                    };
                    vec![c.key.clone(), crate::wizard::region_name(policy, c), level]
                })
                .collect();
            for line in crate::document::text::columns(&rows) {
                writeln!(out, "  {line}")?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod localisation_tests {
    use super::*;
    use crate::i18n::{Lang, set_lang};

    /// Every command's path from the top (`[]`, `["plan"]`, `["checklist", "tick"]` …).
    fn paths(cmd: &clap::Command, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(prefix.clone());
        for sub in cmd.get_subcommands() {
            let mut p = prefix.clone();
            p.push(sub.get_name().to_string());
            paths(sub, p, out);
        }
    }

    fn help_for(path: &[String]) -> String {
        let mut args = vec!["renew".to_string()];
        args.extend(path.iter().cloned());
        args.push("--help".into());
        match localized_command().try_get_matches_from(&args) {
            Err(e) => localize_usage_words(&e.render().to_string()),
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
    fn help_is_in_the_chosen_language_for_every_command() {
        let mut all = Vec::new();
        paths(&localized_command(), Vec::new(), &mut all);
        assert!(all.len() >= 10, "commands found: {all:?}");
        for lang in [Lang::ZhHans, Lang::ZhHant] {
            set_lang(lang);
            for path in &all {
                let help = help_for(path);
                for word in CLAP_ENGLISH {
                    assert!(
                        !help.contains(word),
                        "{lang:?} `renew {} --help` shows clap's English {word:?}:\n{help}",
                        path.join(" ")
                    );
                }
            }
        }
        set_lang(Lang::ZhHans);
    }

    #[test]
    fn every_argument_of_every_command_is_explained_in_every_language() {
        for lang in Lang::ALL {
            set_lang(lang);
            let mut cmd = localized_command();
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
        set_lang(Lang::ZhHans);
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
            set_lang(lang);
            for args in cases {
                let err = localized_command()
                    .try_get_matches_from(args)
                    .expect_err("refused");
                if err.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                    continue;
                }
                let text = usage_message(&err);
                assert!(
                    !text.is_ascii() && !text.contains("error") && !text.contains("argument"),
                    "{lang:?} {args:?}: {text}"
                );
                assert!(text.contains("renew --help"), "{text}");
            }
        }
        set_lang(Lang::ZhHans);
        let err = localized_command()
            .try_get_matches_from(["renew", "--bogus"])
            .expect_err("refused");
        assert!(usage_message(&err).contains("--bogus"));
        let err = localized_command()
            .try_get_matches_from(["renew", "chklist"])
            .expect_err("refused");
        assert!(usage_message(&err).contains("checklist"), "suggestion kept");
    }
}
