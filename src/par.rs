//! A tiny data-parallel map over the machine's cores, with scoped threads.
//!
//! The builder and the engine's start-up do the same independent work for every article or
//! sentence; splitting that work into one contiguous chunk per core keeps the output in input
//! order and needs no extra dependency. Results are exactly those of a sequential map.

thread_local! {
    /// The thread count [`with_threads`] set for the calling thread, if any.
    static THREADS: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Runs `f` with the maps it starts on this thread using `n` threads (at least 1), whatever
/// `PARLEY_THREADS` says: a thread count set for one caller, not for the whole process, so
/// tests running in parallel can each choose theirs.
pub fn with_threads<R>(n: usize, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<usize>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THREADS.with(|t| t.set(self.0));
        }
    }
    let _restore = Restore(THREADS.with(|t| t.replace(Some(n.max(1)))));
    f()
}

/// Runs `a` and `b`, on two threads when two may be used (see [`threads`]), else one after the
/// other; their results in that order.
pub fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    if threads(2) <= 1 {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let second = scope.spawn(b);
        let first = a();
        let second = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (first, second)
    })
}

/// How many worker threads to use: the machine's parallelism, at most `cap`, at least 1.
/// [`with_threads`] on the calling thread, else `PARLEY_THREADS`, overrides it (1 makes
/// everything sequential).
pub fn threads(cap: usize) -> usize {
    let set = THREADS.with(|t| t.get()).or_else(|| {
        std::env::var("PARLEY_THREADS")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|&n| n > 0)
    });
    let n = set.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    n.clamp(1, cap.max(1))
}

/// Maps `f` over `items` on up to [`threads`] threads, keeping the order of `items`.
///
/// Small inputs (fewer than `min_chunk` items per thread) run on the calling thread. The
/// items are handed out in blocks, several per thread, to whichever thread is free: when one
/// core is slowed (by costlier items, or by another process), the other takes more blocks
/// instead of waiting for it at the end.
pub fn map<T, R, F>(items: &[T], min_chunk: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let workers = threads(items.len() / min_chunk.max(1));
    if workers <= 1 {
        return items.iter().map(&f).collect();
    }
    let block = items
        .len()
        .div_ceil(workers * BLOCKS_PER_THREAD)
        .max(min_chunk.max(1));
    let blocks = items.len().div_ceil(block);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (f, next) = (&f, &next);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(move || {
                    let mut done: Vec<(usize, Vec<R>)> = Vec::new();
                    loop {
                        let b = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if b >= blocks {
                            return done;
                        }
                        let part = &items[b * block..((b + 1) * block).min(items.len())];
                        done.push((b, part.iter().map(f).collect()));
                    }
                })
            })
            .collect();
        let mut parts: Vec<Option<Vec<R>>> = (0..blocks).map(|_| None).collect();
        for h in handles {
            match h.join() {
                Ok(done) => {
                    for (b, part) in done {
                        parts[b] = Some(part);
                    }
                }
                // A panic in a worker is a bug: carry it to the caller as it would have happened.
                Err(e) => std::panic::resume_unwind(e),
            }
        }
        let mut out = Vec::with_capacity(items.len());
        for part in parts {
            out.extend(part.expect("every block is taken by some worker"));
        }
        out
    })
}

/// How many blocks [`map`] cuts its items into per thread.
const BLOCKS_PER_THREAD: usize = 16;

/// Like [`map`], but takes the items by value, so each can be moved into its result.
pub fn map_owned<T, R, F>(items: Vec<T>, min_chunk: usize, f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync,
{
    let workers = threads(items.len() / min_chunk.max(1));
    if workers <= 1 {
        return items.into_iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(workers);
    let mut parts = Vec::with_capacity(workers);
    let mut rest = items;
    while rest.len() > chunk {
        let tail = rest.split_off(chunk);
        parts.push(rest);
        rest = tail;
    }
    parts.push(rest);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || part.into_iter().map(f).collect::<Vec<R>>()))
            .collect();
        let mut out = Vec::new();
        for h in handles {
            out.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        out
    })
}

/// Like [`map`], but each worker first makes its own state with `init` (a cache, a local
/// vocabulary) and `f` may update it. Returns each worker's state with its results, in input
/// order: the results of `out[0].1` come first.
pub fn map_with<T, S, R, I, F>(items: &[T], min_chunk: usize, init: I, f: F) -> Vec<(S, Vec<R>)>
where
    T: Sync,
    S: Send,
    R: Send,
    I: Fn() -> S + Sync,
    F: Fn(&mut S, &T) -> R + Sync,
{
    let run = |part: &[T]| {
        let mut state = init();
        let out: Vec<R> = part.iter().map(|x| f(&mut state, x)).collect();
        (state, out)
    };
    let workers = threads(items.len() / min_chunk.max(1));
    if workers <= 1 {
        return vec![run(items)];
    }
    let chunk = items.len().div_ceil(workers);
    let run = &run;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || run(part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A count set for one caller holds for its thread only, nests, and is undone after.
    #[test]
    fn with_threads_sets_the_count_for_this_thread_only() {
        let outside = threads(64);
        with_threads(1, || {
            assert_eq!(threads(64), 1);
            assert_eq!(
                map_with(&[1u8; 100], 1, || (), |_, &x| x).len(),
                1,
                "one worker"
            );
            with_threads(3, || assert_eq!(threads(64), 3));
            assert_eq!(threads(64), 1);
            let other = std::thread::spawn(|| threads(64)).join().unwrap();
            assert_eq!(other, outside, "another thread is not affected");
        });
        assert_eq!(threads(64), outside);
        assert_eq!(with_threads(0, || threads(64)), 1, "at least one");
    }

    #[test]
    fn keeps_order_and_matches_a_sequential_map() {
        let items: Vec<u32> = (0..10_000).collect();
        let par = map(&items, 10, |x| x * 3 + 1);
        let seq: Vec<u32> = items.iter().map(|x| x * 3 + 1).collect();
        assert_eq!(par, seq);
        assert!(map(&[] as &[u32], 10, |x| *x).is_empty());
        assert_eq!(map(&[7u32], 10, |x| x + 1), vec![8]);
        // Uneven costs and every thread count: still the sequential order.
        for n in 1..=5 {
            let par = with_threads(n, || {
                map(&items[..997], 1, |&x| {
                    if x % 97 == 0 {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                    x * 3 + 1
                })
            });
            assert_eq!(par, seq[..997], "{n} threads");
        }
    }

    #[test]
    fn map_owned_moves_items_and_keeps_order() {
        let items: Vec<String> = (0..3_001).map(|i| i.to_string()).collect();
        let expect: Vec<String> = items.iter().map(|s| format!("<{s}>")).collect();
        assert_eq!(map_owned(items, 10, |s| format!("<{s}>")), expect);
        assert!(map_owned(Vec::<u8>::new(), 10, |x| x).is_empty());
    }

    #[test]
    fn map_with_gives_each_worker_its_state_and_keeps_order() {
        let items: Vec<u32> = (0..5_000).collect();
        let parts = map_with(&items, 10, Vec::new, |seen: &mut Vec<u32>, &x| {
            seen.push(x);
            x * 2
        });
        let flat: Vec<u32> = parts.iter().flat_map(|(_, r)| r.iter().copied()).collect();
        assert_eq!(flat, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        let seen: Vec<u32> = parts.into_iter().flat_map(|(s, _)| s).collect();
        assert_eq!(seen, items);
    }

    #[test]
    fn join_runs_both_on_two_threads_or_in_order_on_one() {
        let here = std::thread::current().id();
        let (a, b) = with_threads(2, || {
            join(
                || (1, std::thread::current().id()),
                || ("two", std::thread::current().id()),
            )
        });
        assert_eq!((a.0, b.0), (1, "two"));
        assert_eq!(a.1, here, "the first runs on the caller");
        assert_ne!(b.1, here, "the second on another thread");
        let order = std::sync::Mutex::new(Vec::new());
        let (_, b) = with_threads(1, || {
            join(
                || order.lock().unwrap().push('a'),
                || {
                    order.lock().unwrap().push('b');
                    std::thread::current().id()
                },
            )
        });
        assert_eq!(b, here, "one thread: both on the caller");
        assert_eq!(*order.lock().unwrap(), ['a', 'b']);
    }
}
