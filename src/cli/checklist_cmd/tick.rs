//! `renew checklist tick` and `untick`.

use std::io::Write;

use anyhow::Result;

use super::{current_view, item_error, resolve, user_facing};
use crate::checklist::ItemLookup;
use crate::checklist::store::Store;
use crate::cli::Context;

/// `checklist tick|untick ID ITEM...`: every item is found before anything
/// changes, so one bad item writes nothing.
pub(super) fn tick(
    store: &Store,
    ctx: &Context,
    id: &str,
    item: &[String],
    done: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let words = ctx.words;
    let id = resolve(store, ctx, id)?;
    // Numbers are those `show` gave, from the current view. Only the
    // ticks are written, unless an item is new in the data: then
    // the checklist is brought up to date too. Every item is found
    // before anything changes: one bad item writes nothing.
    let (saved, found) = store
        .update(&id, ctx.now, |c| {
            let (view, _) = current_view(ctx, c);
            let mut ids = Vec::with_capacity(item.len());
            for q in item {
                match view.find_item(q) {
                    Ok(i) => ids.push(view.items[i].id.clone()),
                    Err(e) => return (false, Err((q.clone(), e))),
                }
            }
            if ids.iter().any(|id| !c.items.iter().any(|it| &it.id == id)) {
                *c = view;
            } else if c.choices != view.choices {
                // An older file gets its either/or groups, so the
                // file counts as it is shown.
                c.choices = view.choices;
            }
            let mut changed = false;
            for item_id in &ids {
                let j = c.items.iter().position(|it| &it.id == item_id);
                changed |= j.is_some_and(|j| c.set_done(j, done, ctx.now));
            }
            (changed, Ok(ids))
        })
        .map_err(user_facing(ctx.words))?;
    let (c, _) = current_view(ctx, &saved);
    let ids = found.map_err(|(q, e)| item_error(&c, &q, e, words))?;
    let (d, total) = c.progress();
    for (q, item_id) in item.iter().zip(&ids) {
        let Some((i, it)) = c.items.iter().enumerate().find(|(_, it)| &it.id == item_id) else {
            return Err(item_error(&c, q, ItemLookup::NotFound, words));
        };
        writeln!(
            out,
            "{}",
            words.tf(
                "checklist.ticked",
                &[
                    ("mark", &if it.done { "☑" } else { "☐" }),
                    ("n", &(i + 1)),
                    (
                        "text",
                        &format!(
                            "{}{}",
                            crate::checklist::route_tag(&c, it, words).unwrap_or_default(),
                            crate::checklist::item_text(it, &c.window, ctx.today, words)
                        )
                    ),
                    ("done", &d),
                    ("total", &total)
                ]
            )
        )?;
    }
    Ok(())
}
