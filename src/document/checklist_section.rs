//! The checklist part of the document: a saved checklist's items in groups
//! with their ticks, as the printed sheet and `checklist export` show them.

use super::{Block, CheckRow, Para, ParaKind};
use crate::checklist::{Checklist, ItemKind};
use crate::i18n::Words;

/// The saved items in groups, required first, each with its tick and its
/// number (its place in the checklist, what `tick` takes). Either/or groups
/// say where they stand under the progress line, and their routes' items
/// come after the other documents, route by route.
pub(crate) fn checklist_blocks(
    checklist: &Checklist,
    today: chrono::NaiveDate,
    words: Words,
) -> Vec<Block> {
    use crate::checklist::{choice_status, route_label};
    let (done, total) = checklist.progress();
    // Nothing required (no renewal): say so rather than "0/0".
    let progress = match total {
        0 => words.t("checklist.progress_none").to_string(),
        _ => words.tf("checklist.progress", &[("done", &done), ("total", &total)]),
    };
    let mut blocks = vec![Block::Paragraph(Para::new(ParaKind::Plain, progress))];
    let states = checklist.choice_states();
    for state in &states {
        blocks.push(Block::Paragraph(Para::new(
            ParaKind::Key,
            choice_status(state, words),
        )));
    }
    let row = |(i, item): (usize, &crate::checklist::Item)| CheckRow {
        number: i + 1,
        done: item.done,
        text: crate::checklist::item_text(item, &checklist.window, today, words),
        details: Vec::new(),
    };
    let routed = |id: &str| checklist.route_of(id).is_some();
    let groups = [
        (ItemKind::Document, "checklist.group.documents"),
        (ItemKind::Step, "checklist.group.steps"),
        (ItemKind::Tip, "checklist.group.tips"),
    ];
    for (kind, key) in groups {
        let rows: Vec<CheckRow> = checklist
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.kind == kind && !routed(&i.id))
            .map(row)
            .collect();
        let mut routes = Vec::new();
        for state in states.iter().filter(|_| kind == ItemKind::Document) {
            for (n, route) in state.choice.routes.iter().enumerate() {
                let rows: Vec<CheckRow> = checklist
                    .items
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| route.items.contains(&i.id))
                    .map(row)
                    .collect();
                if rows.is_empty() {
                    continue;
                }
                let (done, total) = state.routes.get(n).copied().unwrap_or_default();
                routes.push(Block::Paragraph(Para::new(
                    ParaKind::Route,
                    words.tf(
                        if state.complete == Some(n) {
                            "checklist.choice.route_done"
                        } else {
                            "checklist.choice.route_count"
                        },
                        &[
                            ("label", &route_label(state.choice, n, words)),
                            ("done", &done),
                            ("total", &total),
                        ],
                    ),
                )));
                routes.push(Block::Checks(rows));
            }
        }
        if !rows.is_empty() || !routes.is_empty() {
            blocks.push(Block::Subheading(words.t(key).to_string()));
            if !rows.is_empty() {
                blocks.push(Block::Checks(rows));
            }
            blocks.extend(routes);
        }
    }
    blocks
}
