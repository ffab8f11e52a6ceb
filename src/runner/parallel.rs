//! Work over many inputs on every core, its results handed on in input order.
//!
//! [`ordered`] takes items one at a time from an iterator (a file list, the lines of standard
//! input), runs the work of each on a pool of threads, and hands the results to a sink on the
//! calling thread in the order the items came, holding at most a window of items in flight: so
//! output is byte-identical whatever the number of threads, and memory is bounded however long
//! the input.

use std::collections::VecDeque;
use std::num::NonZeroUsize;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::thread;

/// The number of threads to use by default: every core the process may run on.
pub fn default_jobs() -> usize {
    thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// Items in flight per thread: enough to keep every thread busy while the sink waits for a
/// slow item, few enough that held results stay small.
pub const WINDOW_PER_JOB: usize = 4;

/// Files read by one thread in a row (reading a short file is less work than handing it
/// between threads).
pub const FILES_PER_RUN: usize = 16;

/// What the thread running [`ordered`] hears about: an item read, the end of the items, or an
/// item's result.
enum Event<T, R> {
    Item(T),
    End,
    Done(usize, thread::Result<R>),
}

/// Runs `work` on each of `items` on `jobs` threads and hands each result to `sink` on the
/// calling thread, in the order of `items`, as soon as it and every result before it are done.
/// At most `window` items (no fewer than `jobs`) are taken before the result of the first of
/// them is handed on. With more than one job the items are taken on a thread of their own, so
/// an input that comes slowly (a pipe, a terminal) never holds back results already done. With
/// one job everything runs on the calling thread, one item at a time. The first error of `sink`
/// stops the run (the items in flight are finished and dropped; the thread taking items ends
/// when it next takes one) and is returned. A panic in `work` is raised again on the calling
/// thread.
pub fn ordered<I, T, R, E>(
    jobs: usize,
    window: usize,
    items: I,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    I: IntoIterator<Item = T>,
    I::IntoIter: Send,
    T: Send,
    R: Send,
{
    let pool = if jobs > 1 {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .ok()
    } else {
        None
    };
    let Some(pool) = pool else {
        for item in items {
            sink(work(item))?;
        }
        return Ok(());
    };
    let window = window.max(jobs);
    let work = &work;
    let items = items.into_iter();
    thread::scope(|threads| {
        let (tx, rx) = mpsc::channel::<Event<T, R>>();
        // one permit per item in flight: the taker waits for one before each item
        let (permits, permit) = mpsc::sync_channel::<()>(window);
        for _ in 0..window {
            let _ = permits.send(());
        }
        let taker = tx.clone();
        let mut items = items;
        threads.spawn(move || {
            while permit.recv().is_ok() {
                let event = match items.next() {
                    Some(item) => Event::Item(item),
                    None => Event::End,
                };
                let end = matches!(event, Event::End);
                if taker.send(event).is_err() || end {
                    return;
                }
            }
        });
        pool.in_place_scope(|scope| {
            // results from index `next` on, as they arrive
            let mut pending: VecDeque<Option<thread::Result<R>>> = VecDeque::new();
            let mut next = 0;
            let mut ended = false;
            while !(ended && pending.is_empty()) {
                // every item taken sends exactly once, and this thread holds a sender
                match rx.recv().expect("a sender is alive") {
                    Event::Item(item) => {
                        let (tx, i) = (tx.clone(), next + pending.len());
                        pending.push_back(None);
                        scope.spawn(move |_| {
                            let r = panic::catch_unwind(AssertUnwindSafe(|| work(item)));
                            let _ = tx.send(Event::Done(i, r));
                        });
                    }
                    Event::End => ended = true,
                    Event::Done(i, r) => {
                        pending[i - next] = Some(r);
                        while pending.front().is_some_and(Option::is_some) {
                            let done = pending.pop_front().flatten().expect("checked above");
                            next += 1;
                            match done {
                                Ok(r) => sink(r)?,
                                Err(p) => panic::resume_unwind(p),
                            }
                            let _ = permits.send(());
                        }
                    }
                }
            }
            Ok(())
        })
    })
}

/// [`ordered`] over items grouped into runs of consecutive items: a run closes once its items'
/// `weight` reaches `limit` (a run holds at least one item). Small items (short articles) are
/// then handed between threads a run at a time instead of one by one, while a heavy item (a long
/// report) still makes a run of its own. Only for items that are all at hand (a list of files or
/// documents): an item that comes slowly would hold back the run it belongs to. Results are
/// handed to `sink` one by one, in the order of `items`.
pub fn ordered_runs<I, T, R, E>(
    jobs: usize,
    window: usize,
    items: I,
    weight: impl Fn(&T) -> usize,
    limit: usize,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    I: IntoIterator<Item = T>,
    I::IntoIter: Send,
    T: Send,
    R: Send,
{
    let mut items = items.into_iter().peekable();
    let runs: Vec<Vec<T>> = std::iter::from_fn(|| {
        let mut run = Vec::new();
        let mut total = 0;
        while total < limit {
            let Some(item) = items.next() else { break };
            total += weight(&item).max(1);
            run.push(item);
        }
        (!run.is_empty()).then_some(run)
    })
    .collect();
    let work_run = |run: Vec<T>| run.into_iter().map(&work).collect::<Vec<R>>();
    ordered(jobs, window, runs, work_run, |results| {
        results.into_iter().try_for_each(&mut sink)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_whatever_the_threads() {
        for jobs in [1, 2, 4] {
            let mut got = Vec::new();
            let r: Result<(), ()> = ordered(
                jobs,
                3,
                0..200u64,
                |i| {
                    // later items finish first
                    thread::sleep(std::time::Duration::from_micros((200 - i) * 20));
                    i * i
                },
                |r| {
                    got.push(r);
                    Ok(())
                },
            );
            assert_eq!(r, Ok(()));
            assert_eq!(got, (0..200u64).map(|i| i * i).collect::<Vec<_>>());
        }
    }

    #[test]
    fn runs_group_light_items_and_keep_heavy_ones_apart() {
        use std::sync::Mutex;
        for jobs in [1, 2] {
            let runs = Mutex::new(Vec::new());
            let mut got = Vec::new();
            // weights: 1 each, except item 5 (heavy); a run closes at 4
            let weight = |i: &u32| if *i == 5 { 100 } else { 1 };
            let r: Result<(), ()> = ordered_runs(
                jobs,
                4,
                0..12u32,
                weight,
                4,
                |i| {
                    runs.lock().unwrap().push((thread::current().id(), i));
                    i + 1
                },
                |r| {
                    got.push(r);
                    Ok(())
                },
            );
            assert_eq!(r, Ok(()));
            assert_eq!(got, (1..=12).collect::<Vec<u32>>());
            // items of a run are worked one after another on one thread: [0..4), [4, 5], [6..10), [10, 11]
            let runs = runs.into_inner().unwrap();
            let thread_of = |i: u32| runs.iter().find(|(_, x)| *x == i).unwrap().0;
            for group in [&[0, 1, 2, 3][..], &[4, 5], &[6, 7, 8, 9], &[10, 11]] {
                assert!(group.iter().all(|&i| thread_of(i) == thread_of(group[0])));
            }
        }
    }

    #[test]
    fn the_sinks_error_stops_the_run() {
        let mut seen = 0;
        let r = ordered(
            2,
            4,
            0..1000,
            |i| i,
            |i| {
                seen += 1;
                if i == 10 { Err(i) } else { Ok(()) }
            },
        );
        assert_eq!(r, Err(10));
        assert_eq!(seen, 11);
    }

    #[test]
    fn no_more_than_the_window_is_taken_ahead() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let taken = AtomicUsize::new(0);
        let mut handed = 0;
        let items = (0..100).inspect(|_| {
            taken.fetch_add(1, Ordering::SeqCst);
        });
        let r: Result<(), ()> = ordered(
            2,
            5,
            items,
            |i| i,
            |_| {
                handed += 1;
                // taken counts the item being handed on and at most 4 in flight after it
                assert!(taken.load(Ordering::SeqCst) <= handed + 4);
                Ok(())
            },
        );
        assert_eq!(r, Ok(()));
        assert_eq!(handed, 100);
    }

    #[test]
    fn results_do_not_wait_for_the_next_item() {
        // the second item comes only after the first result was handed on
        let (handed_tx, handed_rx) = mpsc::channel::<u32>();
        let items = (0..3u32).inspect(move |&i| {
            if i > 0 {
                let got = handed_rx
                    .recv_timeout(std::time::Duration::from_secs(20))
                    .expect("the result before was handed on first");
                assert_eq!(got, i - 1);
            }
        });
        let mut got = Vec::new();
        let r: Result<(), ()> = ordered(
            2,
            8,
            items,
            |i| i * 10,
            |r| {
                got.push(r);
                let _ = handed_tx.send(r / 10);
                Ok(())
            },
        );
        assert_eq!(r, Ok(()));
        assert_eq!(got, [0, 10, 20]);
    }

    #[test]
    #[should_panic(expected = "item 7")]
    fn a_panic_in_the_work_reaches_the_caller() {
        let _ = ordered(
            2,
            4,
            0..20,
            |i| {
                assert_ne!(i, 7, "item 7");
                i
            },
            |_| Ok::<(), ()>(()),
        );
    }
}
