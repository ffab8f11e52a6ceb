//! Shared by the benchmarks: the article texts to run over.
//!
//! The real news corpus lives next to the project (`../shared/corpus/`); when it is absent the
//! benchmarks fall back to a small built-in text written for this project (and say so).

use numcheck::{Document, Format};

/// The BBC News corpus, relative to the crate root.
pub const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/bbc_news_2004_2005.jsonl"
);

/// A few paragraphs of news-like copy written for this project (not taken from any article),
/// used when the corpus is absent.
const FALLBACK: &str = "\
The ministry said on Tuesday that more than 14,000 troops had been withdrawn since March, \
leaving some 2,000 fighters in the region. Up to two million people may need food aid, \
and the agency has asked donors for one billion euros ($1.2 billion).

Quarterly profit rose 3.5% to £1.13bn, up from £980m a year earlier, while sales fell \
12 per cent. The company employs about 25,000 people in 40 countries and plans to cut \
a third of its 1,500 shops over the next five years.

Between 5 and 7 million viewers watched the final, the broadcaster said, nearly double \
last year's audience of 3.4 million. Tickets cost €45 (about $48) and the stadium holds \
68,000.

The new bridge is 330 metres (1,083 feet) long and cost $640 million. Traffic on the \
50 km (31 miles) route has tripled in a decade, and at least 120 lorries an hour now use it.
";

/// One article: its id and text.
pub struct Article {
    pub id: String,
    pub text: String,
}

/// Reads the corpus (or the fallback) as articles; prints to stderr which one is used.
pub fn articles() -> Vec<Article> {
    match std::fs::read_to_string(CORPUS) {
        Ok(data) => {
            let arts: Vec<Article> = data
                .lines()
                .filter(|l| !l.trim().is_empty())
                .enumerate()
                .map(|(i, l)| {
                    let v: serde_json::Value = serde_json::from_str(l)
                        .unwrap_or_else(|e| panic!("corpus line {}: {e}", i + 1));
                    Article {
                        id: v["id"].as_str().unwrap_or("?").to_string(),
                        text: v["text"].as_str().unwrap_or("").to_string(),
                    }
                })
                .collect();
            eprintln!(
                "bench corpus: {} articles, {} bytes of text (../shared/corpus/bbc_news_2004_2005.jsonl)",
                arts.len(),
                arts.iter().map(|a| a.text.len()).sum::<usize>()
            );
            arts
        }
        Err(e) => {
            eprintln!(
                "bench corpus: ../shared/corpus/bbc_news_2004_2005.jsonl not readable ({e}); \
                 falling back to the small built-in text (numbers are not comparable)"
            );
            (0..50)
                .map(|i| Article {
                    id: format!("fallback-{i}"),
                    text: FALLBACK.to_string(),
                })
                .collect()
        }
    }
}

/// The articles as plain-text documents.
pub fn documents(arts: &[Article]) -> Vec<Document> {
    arts.iter()
        .map(|a| Document::from_text(&a.id, a.text.clone(), Format::Text))
        .collect()
}

/// Total bytes of article text.
pub fn text_bytes(arts: &[Article]) -> u64 {
    arts.iter().map(|a| a.text.len() as u64).sum()
}

/// Times `passes` runs of `pass` by hand (criterion reports bytes/s but not items/s) and prints
/// the median as ms per pass, MB/s of `bytes` and `what`/s of the `items` one pass yields.
/// Only in optimised builds: `cargo test --benches` skips it.
pub fn print_rate(
    label: &str,
    what: &str,
    passes: usize,
    bytes: u64,
    mut pass: impl FnMut() -> usize,
) {
    if cfg!(debug_assertions) {
        return;
    }
    let mut items = 0;
    let mut times: Vec<f64> = (0..passes)
        .map(|_| {
            let t = std::time::Instant::now();
            items = std::hint::black_box(pass());
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let med = times[times.len() / 2];
    eprintln!(
        "{label} summary: median {:.1} ms per pass, {:.2} MB/s, {:.0} {what}/s",
        med * 1e3,
        bytes as f64 / med / 1e6,
        items as f64 / med
    );
}
