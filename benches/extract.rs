//! Extraction benchmarks: claims extracted from real news text (MB/s of article text), and the
//! cost of loading the lexicon tables.
//!
//! `cargo bench --bench extract`. The corpus is `../shared/corpus/bbc_news_2004_2005.jsonl`
//! when present, else a small built-in text (see `common/mod.rs`).

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use numcheck::{Document, Format, Lexicon, Tolerances, extract_claims};

fn bench_extract(c: &mut Criterion) {
    let arts = common::articles();
    let docs = common::documents(&arts);
    let bytes = common::text_bytes(&arts);
    let lex = Lexicon::embedded();
    let tol = Tolerances::default();
    let claims: usize = docs
        .iter()
        .map(|d| extract_claims(d, lex, &tol).len())
        .sum();
    eprintln!("extract: {claims} claims in {} articles", docs.len());

    let mut g = c.benchmark_group("extract");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .throughput(Throughput::Bytes(bytes));
    // Extraction and normalisation over documents already built.
    g.bench_function("corpus", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                n += extract_claims(black_box(d), lex, &tol).len();
            }
            n
        })
    });
    // The same, including building each document from its text (what stream mode does).
    g.bench_function("corpus_with_document", |b| {
        b.iter(|| {
            let mut n = 0;
            for a in &arts {
                let d = Document::from_text(&a.id, black_box(a.text.clone()), Format::Text);
                n += extract_claims(&d, lex, &tol).len();
            }
            n
        })
    });
    g.finish();

    // claims/s is not something criterion reports next to bytes/s: time a few passes by hand.
    common::print_rate("extract", "claims", 5, bytes, || {
        docs.iter()
            .map(|d| extract_claims(black_box(d), lex, &tol).len())
            .sum()
    });
}

fn bench_lexicon(c: &mut Criterion) {
    let mut g = c.benchmark_group("lexicon");
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    g.bench_function("load_embedded_tables", |b| {
        b.iter(|| {
            Lexicon::from_tables(
                numcheck::lexicon::EMBEDDED_TABLES
                    .iter()
                    .map(|(n, d)| (n.to_string(), *d)),
            )
            .expect("embedded lexicon loads")
        })
    });
    g.finish();
}

/// Hostile single documents (issue 11): a list-like run of "1," repeated (2 MB), short
/// numbers on one line, a million-digit run and one long line of prose. Each should take time
/// proportional to its size: compare the rates.
fn bench_big_inputs(c: &mut Criterion) {
    let lex = Lexicon::embedded();
    let tol = Tolerances::default();
    let prose = "The cost was $5 and 3 km of road with 12% more people, ";
    let inputs: [(&str, String); 4] = [
        ("ones_and_commas_2mb", "1,".repeat(1_000_000)),
        ("short_numbers_one_line", {
            (0..1_000_000)
                .map(|i| (i % 97).to_string())
                .collect::<Vec<_>>()
                .join(" ")
        }),
        ("million_digit_run", "7".repeat(1_000_000)),
        ("one_long_line_2mb", prose.repeat(2_000_000 / prose.len())),
    ];
    let mut g = c.benchmark_group("extract_big_inputs");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5));
    for (name, text) in inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        let doc = Document::from_text(name, text, Format::Text);
        g.bench_function(name, |b| {
            b.iter(|| extract_claims(black_box(&doc), lex, &tol).len())
        });
    }
    g.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench_extract(&mut c);
    bench_lexicon(&mut c);
    bench_big_inputs(&mut c);
    c.final_summary();
}
