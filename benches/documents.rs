//! Document-stage benchmarks: reading single documents of 0.5 to 8 MB as plain text, Markdown
//! and HTML, laid out as many lines or as one line, then asking a line and column for every
//! number in them and the text of its line (what the later stages ask). Prints the growth
//! exponent of CPU time against size for each (a slope of 1 is linear).
//!
//! `cargo bench --bench documents`. The text is `../shared/corpus/bbc_news_2004_2005.jsonl`
//! repeated to size when present, else a small built-in text (see `common/mod.rs`).

// the other benchmarks use the rest of it
#[allow(dead_code)]
mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use numcheck::{Document, Format};

const SIZES_MB: [f64; 5] = [0.5, 1.0, 2.0, 4.0, 8.0];

/// The paragraphs of the corpus, marked up for `format`.
fn paragraphs(format: Format) -> Vec<String> {
    let arts = common::articles();
    let mut out = Vec::new();
    for (i, a) in arts.iter().enumerate() {
        for (j, p) in a
            .text
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .enumerate()
        {
            let p = p.trim();
            out.push(match format {
                Format::Text => p.to_string(),
                Format::Markdown if j == 0 => format!("## {p}"),
                Format::Markdown => format!("{p} See [source {i}](https://example.org/{i}/{j})."),
                Format::Html => format!(
                    "<p class=\"x\">{} <a href=\"/{i}\">more&nbsp;&raquo;</a></p>",
                    p.replace('&', "&amp;").replace('<', "&lt;")
                ),
            });
        }
    }
    out
}

/// A document of about `bytes`: paragraphs on lines of their own, or all on one line.
fn document(paras: &[String], bytes: usize, one_line: bool) -> String {
    let sep = if one_line { " " } else { "\n\n" };
    let mut s = String::with_capacity(bytes + 4096);
    for p in paras.iter().cycle() {
        if s.len() >= bytes {
            break;
        }
        s.push_str(p);
        s.push_str(sep);
    }
    s
}

/// Reads the document and asks what later stages ask: the line and column of every number
/// and the text of its line. Returns a checksum.
fn read(text: &str, format: Format) -> usize {
    let d = Document::from_text("bench", text.to_string(), format);
    let mut sum = 0;
    let bytes = d.scan.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            let (line, col) = d.line_col(d.to_source(i));
            sum += col + d.line_text(line).len();
        }
        i += 1;
    }
    sum + d.invisible_marks().len()
}

/// Least-squares slope of log(time) on log(size).
fn exponent(points: &[(f64, f64)]) -> f64 {
    let n = points.len() as f64;
    let (xs, ys): (Vec<f64>, Vec<f64>) = points.iter().map(|&(x, y)| (x.ln(), y.ln())).unzip();
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let cov: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let var: f64 = xs.iter().map(|x| (x - mx) * (x - mx)).sum();
    cov / var
}

/// CPU time of this thread, in seconds: unlike wall-clock time, it does not count the time the
/// thread waits for a core on a busy machine.
fn thread_cpu_time() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant of the platform.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

/// Best of five runs, in seconds of CPU time.
fn best_time(text: &str, format: Format) -> f64 {
    (0..5)
        .map(|_| {
            let t = thread_cpu_time();
            black_box(read(black_box(text), format));
            thread_cpu_time() - t
        })
        .fold(f64::INFINITY, f64::min)
}

fn bench_documents(c: &mut Criterion) {
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let paras = paragraphs(format);
        for one_line in [false, true] {
            let shape = if one_line { "one_line" } else { "many_lines" };
            let name = format!("documents/{format:?}/{shape}").to_lowercase();
            let mut g = c.benchmark_group(&name);
            g.sample_size(10)
                .warm_up_time(Duration::from_millis(300))
                .measurement_time(Duration::from_secs(2));
            let mut points = Vec::new();
            for mb in SIZES_MB {
                let text = document(&paras, (mb * 1e6) as usize, one_line);
                g.throughput(Throughput::Bytes(text.len() as u64));
                g.bench_with_input(BenchmarkId::from_parameter(mb), &text, |b, t| {
                    b.iter(|| read(black_box(t), format))
                });
                if !cfg!(debug_assertions) {
                    points.push((text.len() as f64, best_time(&text, format)));
                }
            }
            g.finish();
            if !points.is_empty() {
                let times: Vec<String> = points
                    .iter()
                    .map(|(b, t)| format!("{:.1} MB {:.0} ms", b / 1e6, t * 1e3))
                    .collect();
                eprintln!(
                    "{name}: {}; growth exponent {:.2}",
                    times.join(", "),
                    exponent(&points)
                );
            }
        }
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench_documents(&mut c);
    c.final_summary();
}
