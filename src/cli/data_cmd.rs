//! `renew data install | list | rollback`: policy data packs installed in
//! the app's data folder (see `crate::packs`), so new rules need no new
//! program.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{Context, DataProblems, UsageError};
use crate::i18n::Words;
use crate::packs::{Installed, Manifest, PackError, PackStore, Role};
use crate::policy::{PackRef, PolicySet, Problem};

/// The installed packs of a data dir.
fn store(ctx: &Context) -> Result<PackStore, UsageError> {
    let words = ctx.words;
    ctx.data_dir
        .as_deref()
        .map(PackStore::new)
        .ok_or_else(|| UsageError(words.t("cli.no_data_dir").to_string()))
}

pub fn install(pack: &Path, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let words = ctx.words;
    let store = store(ctx)?;
    // Checked against the data built in, as a pack replaces the one before.
    let base = PolicySet::embedded()?;
    match store.install(pack, &base) {
        Ok(installed) => {
            if let Ok(m) = &installed.manifest {
                writeln!(
                    out,
                    "{}",
                    pack_line("data.installed", m, &installed.path, words)
                )?;
            }
            Ok(())
        }
        Err(PackError::Problems(problems)) => {
            writeln!(
                out,
                "{}",
                words.tf(
                    "data.install_refused",
                    &[("pack", &pack.display()), ("n", &problems.len())]
                )
            )?;
            print_problems(&problems, words, out)?;
            Err(DataProblems.into())
        }
        Err(e) => Err(anyhow::Error::new(e)
            .context(words.tf("data.install_failed", &[("dir", &store.root().display())]))),
    }
}

pub fn list(ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let words = ctx.words;
    let embedded = PolicySet::embedded()?;
    writeln!(
        out,
        "{}",
        words.tf("data.list.embedded", &[("version", &embedded.version())])
    )?;
    let store = store(ctx)?;
    let packs = store.list()?;
    if packs.is_empty() {
        writeln!(out, "{}", words.t("data.list.none"))?;
    }
    let mut damaged = false;
    for (
        role,
        Installed {
            path,
            manifest,
            whole,
            ..
        },
    ) in &packs
    {
        let role = match role {
            Role::Current => words.t("data.list.current"),
            Role::Previous => words.t("data.list.previous"),
        };
        match manifest {
            Ok(m) => writeln!(out, "{role}{}", pack_line("data.list.pack", m, path, words))?,
            Err(_) => writeln!(out, "{role}{}", path.display())?,
        }
        if let Err(problems) = whole {
            damaged = true;
            writeln!(out, "{}", words.t("data.list.damaged"))?;
            print_problems(problems, words, out)?;
        }
    }
    if damaged {
        return Err(DataProblems.into());
    }
    Ok(())
}

pub fn rollback(ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let words = ctx.words;
    let store = store(ctx)?;
    match store.rollback() {
        Ok(state) => {
            match state.current.map(|f| store.root().join(f)) {
                Some(path) => match crate::packs::read_manifest(&path) {
                    Ok(m) => writeln!(out, "{}", pack_line("data.rolled_back", &m, &path, words))?,
                    Err(p) => {
                        print_problems(&p, words, out)?;
                        return Err(DataProblems.into());
                    }
                },
                None => writeln!(
                    out,
                    "{}",
                    words.tf(
                        "data.rolled_back_embedded",
                        &[("version", &PolicySet::embedded()?.version())]
                    )
                )?,
            }
            Ok(())
        }
        Err(PackError::NothingInstalled) => {
            writeln!(out, "{}", words.t("data.nothing_installed"))?;
            Err(DataProblems.into())
        }
        Err(e) => Err(e.into()),
    }
}

/// The pack in use in `data_dir`, if one is installed: its folder (read as
/// `--policy-dir` reads one) and how a plan names it.
pub fn installed_pack(data_dir: &Path) -> std::io::Result<Option<(PathBuf, PackRef)>> {
    Ok(PackStore::new(data_dir)
        .current()?
        .map(|(path, m)| (path, pack_ref(&m))))
}

pub fn pack_ref(m: &Manifest) -> PackRef {
    PackRef {
        name: m.name.clone(),
        version: m.version.clone(),
        published: m.published,
        publisher: m.publisher.clone(),
    }
}

fn pack_line(key: &str, m: &Manifest, path: &Path, words: Words) -> String {
    words.tf(
        key,
        &[
            ("name", &m.name),
            ("version", &m.version),
            ("published", &m.published),
            ("publisher", &m.publisher),
            ("files", &m.files.len()),
            ("path", &path.display()),
        ],
    )
}

pub(crate) fn print_problems(
    problems: &[Problem],
    words: Words,
    out: &mut dyn Write,
) -> Result<()> {
    for p in problems {
        writeln!(
            out,
            "{}",
            words.tf(
                "data.problem",
                &[
                    ("file", &p.file),
                    ("field", &p.field),
                    ("reason", &p.reason)
                ]
            )
        )?;
    }
    Ok(())
}

/// `renew data check DIR`: every region and holiday file of the pack that
/// passed, then every problem, then the count; fails when there is one.
pub(super) fn check(
    dir: &Path,
    policy: &PolicySet,
    words: Words,
    out: &mut dyn Write,
) -> Result<()> {
    let (regions, mut problems) = crate::policy::pack::read_pack(dir, policy);
    let (years, holiday_problems) = crate::policy::holidays::read_holidays(dir);
    problems.extend(holiday_problems);
    for r in &regions {
        writeln!(
            out,
            "{}",
            words.tf(
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
            words.tf(
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
    print_problems(&problems, words, out)?;
    writeln!(
        out,
        "{}",
        words.tf(
            "data.summary",
            &[("ok", &regions.len()), ("bad", &problems.len())]
        )
    )?;
    if !problems.is_empty() {
        return Err(DataProblems.into());
    }

    Ok(())
}
