//! Check benchmarks: every claim of real news text extracted and checked against the full
//! default reference with its verdict written in English (`check/corpus`; without the English:
//! `check/corpus_verdicts`), and the cost of loading that reference (budget: 50 ms, enforced in
//! optimised runs).
//!
//! `cargo bench --bench check`. The corpus is `../shared/corpus/bbc_news_2004_2005.jsonl`
//! when present, else a small built-in text (see `common/mod.rs`).

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use numcheck::check::{CheckOptions, Checker};
use numcheck::reference::ReferenceSet;
use numcheck::report;
use numcheck::{Document, Lexicon};

/// Loading the whole shipped reference must not take longer than this.
const REFERENCE_LOAD_BUDGET: Duration = Duration::from_millis(50);

/// Checks a document and writes every verdict's English, as every report does: the work the
/// `corpus` benchmark measures (before verdicts carried evidence, the checker wrote the English
/// itself). Returns the number of verdicts.
fn check_and_explain(checker: &Checker, d: &Document) -> usize {
    let r = numcheck::check_document(checker, d);
    for v in &r.verdicts {
        black_box(report::explain(&r, v, checker.lexicon()));
    }
    r.verdicts.len()
}

fn bench_check(c: &mut Criterion) {
    let arts = common::articles();
    let docs = common::documents(&arts);
    let bytes = common::text_bytes(&arts);
    let lex = Lexicon::embedded();
    let reference = ReferenceSet::embedded(lex).expect("the shipped reference loads");
    let checker = Checker::new(lex, &reference, CheckOptions::default());
    let verdicts: usize = docs.iter().map(|d| check_and_explain(&checker, d)).sum();
    eprintln!("check: {verdicts} verdicts in {} articles", docs.len());

    let mut g = c.benchmark_group("check");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(6))
        .throughput(Throughput::Bytes(bytes));
    // extraction, verdicts and their English
    g.bench_function("corpus", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| check_and_explain(&checker, black_box(d)))
                .sum::<usize>()
        })
    });
    // extraction and verdicts only
    g.bench_function("corpus_verdicts", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    numcheck::check_document(&checker, black_box(d))
                        .verdicts
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.finish();

    common::print_rate("check", "claims", 3, bytes, || {
        docs.iter()
            .map(|d| check_and_explain(&checker, black_box(d)))
            .sum()
    });
}

fn bench_reference_load(c: &mut Criterion) {
    let lex = Lexicon::embedded();
    let mut g = c.benchmark_group("reference");
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    // the whole reference, including the exchange-rate history that is parsed on first use
    let load_all = || {
        let r = ReferenceSet::embedded(black_box(lex)).expect("the shipped reference loads");
        black_box(r.rates.table().days.len());
        r
    };
    g.bench_function("load_embedded", |b| b.iter(load_all));
    g.finish();

    // The budget, measured apart from criterion so it can be enforced: the median of a few
    // loads. Only in optimised builds (`cargo bench`), never in `cargo test --benches`.
    let mut times: Vec<Duration> = (0..9)
        .map(|_| {
            let t = Instant::now();
            black_box(load_all());
            t.elapsed()
        })
        .collect();
    times.sort();
    let med = times[times.len() / 2];
    eprintln!(
        "reference load: median {:.2} ms (budget {} ms)",
        med.as_secs_f64() * 1e3,
        REFERENCE_LOAD_BUDGET.as_millis()
    );
    if !cfg!(debug_assertions) && med > REFERENCE_LOAD_BUDGET {
        eprintln!(
            "reference load: OVER BUDGET: {:.2} ms > {} ms",
            med.as_secs_f64() * 1e3,
            REFERENCE_LOAD_BUDGET.as_millis()
        );
        std::process::exit(1);
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench_reference_load(&mut c);
    bench_check(&mut c);
    c.final_summary();
}
