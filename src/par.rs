//! Independent work split over the machine's cores with scoped threads,
//! for the places that read many things at once: a clinic's thousands of
//! checklists, a national set of region files. Few items stay on the
//! calling thread (starting threads costs more than they would save).

/// `f` over `items`, results in the items' order; on up to 8 threads when
/// there are at least `min` items. Should a thread fail (a bug), the items
/// it had get `failed` instead and the other threads' results stand.
pub(crate) fn map<T: Sync, R: Send>(
    items: &[T],
    min: usize,
    f: impl Fn(&T) -> R + Sync,
    failed: impl Fn(&T) -> R,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    map_on(threads, items, min, f, failed)
}

fn map_on<T: Sync, R: Send>(
    threads: usize,
    items: &[T],
    min: usize,
    f: impl Fn(&T) -> R + Sync,
    failed: impl Fn(&T) -> R,
) -> Vec<R> {
    if threads <= 1 || items.len() < min.max(2) {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                (
                    part,
                    s.spawn(move || part.iter().map(f).collect::<Vec<R>>()),
                )
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|(part, h)| {
                h.join()
                    .unwrap_or_else(|_| part.iter().map(&failed).collect())
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_items_order_on_one_thread_or_several() {
        let items: Vec<u32> = (0..1000).collect();
        for (threads, min) in [(1, 0), (4, 0), (4, 10_000)] {
            let doubled = map_on(threads, &items, min, |x| x * 2, |_| 0);
            assert_eq!(doubled, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_failing_thread_gives_its_items_the_fallback_and_the_rest_stand() {
        let items: Vec<u32> = (0..1000).collect();
        let out = map_on(
            4,
            &items,
            0,
            |&x| {
                if x == 500 {
                    panic!("a bad item");
                }
                Some(x)
            },
            |_| None,
        );
        assert_eq!(out.len(), items.len());
        assert_eq!(out[500], None);
        // Four threads of 250 items: the third one's fail, the rest stand.
        assert!(out[500..750].iter().all(Option::is_none));
        assert!(
            out[..500]
                .iter()
                .chain(&out[750..])
                .zip((0..500).chain(750..1000))
                .all(|(o, x)| *o == Some(x))
        );
    }
}
