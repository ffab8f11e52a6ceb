//! `--format html`: a self-contained review page. At the top, the totals and a list of every
//! problem, linked to it; then each article, Markdown rendered (pulldown-cmark) with its front
//! matter as a small header, other formats as plain text, every claim highlighted on its
//! original span with a symbol and an underline per level (so the page reads in greyscale and
//! in print), each highlight linked to its finding and back; under each article its findings
//! with their explanation in full and a link to the next problem. No script, no external
//! request; every piece of article text is escaped.
//!
//! The page opens with the run's totals and its list of problems, so each file's part is held
//! until the end ([`Layout::Held`]) in two sections: its problems (one JSON line) and its
//! article. A part is rendered on its own, not knowing its file's place in the run: its
//! anchors carry a marker for the file's number, and its last finding a marker for the link to
//! the next problem, both filled in at the end. The markers start with NUL, which escaped text
//! never holds (a NUL in an article is written as U+FFFD, as HTML parsers read it).

mod body;

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use super::explain::words::oneline;
use super::explain::{Prose, explain};
use super::{Layout, Level, Renderer, RunEnd, level, verdict_label};
use crate::check::{FileReport, Verdict};
use crate::lexicon::Lexicon;

/// The HTML renderer.
pub(crate) struct Html<'a> {
    pub(crate) lex: &'a Lexicon,
}

const STYLE: &str = include_str!("style.css");

/// The symbol beside a highlight and a finding, by level (consistent claims: a check mark).
pub(crate) fn symbol(level: Option<Level>) -> &'static str {
    match level {
        Some(Level::Error) => "✖",
        Some(Level::Warning) => "▲",
        Some(Level::Note) => "?",
        None => "✓",
    }
}

/// The CSS class of a verdict: its level, or its kind for a consistent claim.
pub(crate) fn class(v: &Verdict) -> String {
    match level(v) {
        Some(l) => format!("lvl-{} {}", l.as_str(), v.kind.as_str()),
        None => v.kind.as_str().to_string(),
    }
}

/// Escapes text for HTML (element content and quoted attributes).
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Marks where a file's part starts (in the articles' section).
const START: &str = "\0S";
/// Stands for the file's number in the run, in anchors.
const FILE: &str = "\0F";
/// Stands for the link to the next problem after the file's last.
const NEXT: &str = "\0N";

/// The sections of a file's part.
const PROBLEMS: usize = 0;
const ARTICLES: usize = 1;

/// The links under a finding: back to its highlight (when it is on the page) and to the next
/// problem (in the file, or after it: [`NEXT`]).
struct Links {
    back: bool,
    next: Option<usize>,
}

/// A file's problems, as held until the end: each with its verdict's index, level and entry in
/// the list (its anchor marked with [`FILE`]).
#[derive(Serialize, Deserialize)]
struct Problems {
    items: Vec<Problem>,
}

/// One listed problem.
#[derive(Serialize, Deserialize)]
struct Problem {
    verdict: usize,
    level: Level,
    entry: String,
}

/// The problems of a file in page order (silenced findings are not problems).
fn problems(r: &FileReport) -> Vec<(usize, Level)> {
    r.verdicts
        .iter()
        .enumerate()
        .filter_map(|(k, v)| match (level(v), &v.suppressed) {
            (Some(level), None) => Some((k, level)),
            _ => None,
        })
        .collect()
}

impl Renderer for Html<'_> {
    /// The totals and the problems open the page: the parts are held until the end.
    fn check_layout(&self) -> Layout {
        Layout::Held(2)
    }

    fn check_part(&self, out: &mut dyn Write, section: usize, r: &FileReport) -> io::Result<()> {
        match section {
            PROBLEMS => {
                let items = problems(r)
                    .into_iter()
                    .map(|(k, level)| Problem {
                        verdict: k,
                        level,
                        entry: entry(r, k, level),
                    })
                    .collect();
                serde_json::to_writer(&mut *out, &Problems { items })?;
                out.write_all(b"\n")
            }
            _ => {
                let mut page = String::from(START);
                self.article(&mut page, r);
                out.write_all(page.as_bytes())
            }
        }
    }

    fn check_end(&self, out: &mut dyn Write, end: &RunEnd, held: &[Vec<u8>]) -> io::Result<()> {
        let section = |s: usize| held.get(s).map(Vec::as_slice).unwrap_or_default();
        let mut files: Vec<Problems> = Vec::new();
        for line in section(PROBLEMS).split(|&b| b == b'\n') {
            if !line.is_empty() {
                files.push(serde_json::from_slice(line)?);
            }
        }
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>numcheck report</title>\n<style>\n{STYLE}</style></head><body>\n"
        )?;
        let mut head = String::new();
        self.head(&mut head, end, &files);
        out.write_all(head.as_bytes())?;
        let next = next_links(&files);
        // the articles, their markers filled in: each piece between NULs starts with a marker
        let (mut file, mut started) = (0, false);
        for (n, piece) in section(ARTICLES).split(|&b| b == 0).enumerate() {
            let rest = piece.get(1..).unwrap_or_default();
            match piece.first() {
                _ if n == 0 => out.write_all(piece)?,
                Some(b'S') => {
                    file += usize::from(started);
                    started = true;
                    out.write_all(rest)?;
                }
                Some(b'F') => {
                    write!(out, "{file}")?;
                    out.write_all(rest)?;
                }
                Some(b'N') => {
                    out.write_all(next.get(file).map_or("", String::as_str).as_bytes())?;
                    out.write_all(rest)?;
                }
                _ => out.write_all(piece)?,
            }
        }
        out.write_all(b"</body></html>\n")
    }
}

/// For each file, the link from its last problem: to the first problem of a later file, or
/// back to the list.
fn next_links(files: &[Problems]) -> Vec<String> {
    let mut links = vec![String::new(); files.len()];
    let mut next = "<a href=\"#problems\">back to the list</a>".to_string();
    for (i, f) in files.iter().enumerate().rev() {
        links[i] = next.clone();
        if let Some(p) = f.items.first() {
            next = format!("<a href=\"#f{i}-{}\">next problem ↓</a>", p.verdict);
        }
    }
    links
}

/// A problem's entry in the list at the top, its anchor marked with [`FILE`].
fn entry(r: &FileReport, k: usize, level: Level) -> String {
    let v = &r.verdicts[k];
    let c = &r.claims[v.claim];
    format!(
        "<li class=\"lvl-{}\"><a href=\"#f{FILE}-{k}\"><span class=\"sym\">{}</span>{} — {}:{} “{}”</a></li>\n",
        level.as_str(),
        symbol(Some(level)),
        escape(&verdict_label(v)),
        escape(&r.doc.name),
        c.line,
        escape(&oneline(&c.text)),
    )
}

impl Html<'_> {
    /// The totals, the counts by level and the list of problems.
    fn head(&self, page: &mut String, end: &RunEnd, files: &[Problems]) {
        let count = |l: Level| {
            files
                .iter()
                .flat_map(|f| &f.items)
                .filter(|p| p.level == l)
                .count()
        };
        let total: usize = files.iter().map(|f| f.items.len()).sum();
        let _ = writeln!(
            page,
            "<header class=\"run\"><h1>numcheck report</h1>\n<p>{}</p>\n<p class=\"counts\"><span class=\"sym\">{}</span>{} error{} · <span class=\"sym\">{}</span>{} warning{} · <span class=\"sym\">{}</span>{} note{}</p></header>",
            escape(&end.totals.summary_line()),
            symbol(Some(Level::Error)),
            count(Level::Error),
            if count(Level::Error) == 1 { "" } else { "s" },
            symbol(Some(Level::Warning)),
            count(Level::Warning),
            if count(Level::Warning) == 1 { "" } else { "s" },
            symbol(Some(Level::Note)),
            count(Level::Note),
            if count(Level::Note) == 1 { "" } else { "s" },
        );
        let _ = writeln!(
            page,
            "<nav class=\"problems\" id=\"problems\"><h2>Problems ({total})</h2><ol>"
        );
        for (i, f) in files.iter().enumerate() {
            for p in &f.items {
                page.push_str(&p.entry.replace(FILE, &i.to_string()));
            }
        }
        for e in end.unreadable {
            let _ = writeln!(page, "<li class=\"lvl-error\">{}</li>", escape(e));
        }
        for n in end.notes {
            let _ = writeln!(
                page,
                "<li class=\"lvl-note\">{}</li>",
                escape(&n.to_string())
            );
        }
        page.push_str("</ol></nav>\n");
    }

    /// One article: its front matter, its text with the claims marked, then its findings.
    fn article(&self, page: &mut String, r: &FileReport) {
        let _ = writeln!(
            page,
            "<section class=\"file\" id=\"file{FILE}\"><h2>{}</h2>",
            escape(&r.doc.name)
        );
        let prose: Vec<Prose> = r.verdicts.iter().map(|v| explain(r, v, self.lex)).collect();
        let on_page = body::render(page, FILE, r, &prose);
        let _ = writeln!(page, "<ol class=\"findings\">");
        let listed = problems(r);
        for (n, &(k, level)) in listed.iter().enumerate() {
            let links = Links {
                back: on_page[k],
                next: listed.get(n + 1).map(|&(next, _)| next),
            };
            self.finding(page, k, r, &r.verdicts[k], level, &prose[k], links);
        }
        let _ = writeln!(page, "</ol></section>");
    }

    #[allow(clippy::too_many_arguments)]
    fn finding(
        &self,
        page: &mut String,
        k: usize,
        r: &FileReport,
        v: &Verdict,
        level: Level,
        p: &Prose,
        links: Links,
    ) {
        let c = &r.claims[v.claim];
        let _ = write!(
            page,
            "<li id=\"f{FILE}-{k}\" class=\"lvl-{}\"><span class=\"sym\">{}</span><b class=\"label\">{}</b> ({}) line {}: “{}” — {}",
            level.as_str(),
            symbol(Some(level)),
            escape(&verdict_label(v)),
            v.check().as_str(),
            c.line,
            escape(&oneline(&c.text)),
            escape(&p.summary),
        );
        if !p.explanation.is_empty() {
            page.push_str("<ul class=\"explanation\">");
            for line in &p.explanation {
                let _ = write!(page, "<li>{}</li>", escape(line));
            }
            page.push_str("</ul>");
        }
        if let Some(s) = &p.suggestion {
            let _ = write!(
                page,
                "<div class=\"suggestion\">Suggested: <b>{}</b></div>",
                escape(s)
            );
        }
        page.push_str("<div class=\"nav-links\">");
        if links.back {
            let _ = write!(page, "<a href=\"#c{FILE}-{k}\">↑ in the text</a>");
        }
        match links.next {
            Some(n) => {
                let _ = write!(page, "<a href=\"#f{FILE}-{n}\">next problem ↓</a>");
            }
            None => page.push_str(NEXT),
        }
        page.push_str("</div></li>\n");
    }
}
