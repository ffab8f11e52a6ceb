//! `--format html`: a self-contained review page. At the top, the totals and a list of every
//! problem, linked to it; then each article, Markdown rendered (pulldown-cmark) with its front
//! matter as a small header, other formats as plain text, every claim highlighted on its
//! original span with a symbol and an underline per level (so the page reads in greyscale and
//! in print), each highlight linked to its finding and back; under each article its findings
//! with their explanation in full and a link to the next problem. No script, no external
//! request; every piece of article text is escaped.

mod body;

use std::fmt::Write as _;

use super::explain::words::oneline;
use super::explain::{Prose, explain};
use super::{CheckRun, Level, Renderer, level, verdict_label};
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
            c => out.push(c),
        }
    }
    out
}

/// The links under a finding: back to its highlight (when it is on the page) and to the next
/// problem.
struct Links {
    back: bool,
    next: Option<String>,
}

/// One listed problem: file index, verdict index, level.
struct Problem {
    file: usize,
    verdict: usize,
    level: Level,
}

/// The problems of a run in page order (silenced findings are not problems).
fn problems(run: &CheckRun) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, r) in run.files.iter().enumerate() {
        for (k, v) in r.verdicts.iter().enumerate() {
            if let (Some(level), None) = (level(v), &v.suppressed) {
                out.push(Problem {
                    file: i,
                    verdict: k,
                    level,
                });
            }
        }
    }
    out
}

impl Renderer for Html<'_> {
    fn check(&self, run: &CheckRun) -> String {
        let problems = problems(run);
        let mut page = String::new();
        let _ = write!(
            page,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>numcheck report</title>\n<style>\n{STYLE}</style></head><body>\n"
        );
        self.head(&mut page, run, &problems);
        let next = |i: usize, k: usize| {
            let at = problems
                .iter()
                .position(|p| p.file == i && p.verdict == k)?;
            problems
                .get(at + 1)
                .map(|p| format!("f{}-{}", p.file, p.verdict))
        };
        for (i, r) in run.files.iter().enumerate() {
            self.article(&mut page, i, r, &next);
        }
        page.push_str("</body></html>\n");
        page
    }
}

impl Html<'_> {
    /// The totals, the counts by level and the list of problems.
    fn head(&self, page: &mut String, run: &CheckRun, problems: &[Problem]) {
        let count = |l: Level| problems.iter().filter(|p| p.level == l).count();
        let _ = writeln!(
            page,
            "<header class=\"run\"><h1>numcheck report</h1>\n<p>{}</p>\n<p class=\"counts\"><span class=\"sym\">{}</span>{} error{} · <span class=\"sym\">{}</span>{} warning{} · <span class=\"sym\">{}</span>{} note{}</p></header>",
            escape(&run.totals.summary_line()),
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
            "<nav class=\"problems\" id=\"problems\"><h2>Problems ({})</h2><ol>",
            problems.len()
        );
        for p in problems {
            let r = &run.files[p.file];
            let v = &r.verdicts[p.verdict];
            let c = &r.claims[v.claim];
            let _ = writeln!(
                page,
                "<li class=\"lvl-{}\"><a href=\"#f{}-{}\"><span class=\"sym\">{}</span>{} — {}:{} “{}”</a></li>",
                p.level.as_str(),
                p.file,
                p.verdict,
                symbol(Some(p.level)),
                escape(&verdict_label(v)),
                escape(&r.doc.name),
                c.line,
                escape(&oneline(&c.text)),
            );
        }
        for e in run.unreadable {
            let _ = writeln!(page, "<li class=\"lvl-error\">{}</li>", escape(e));
        }
        for n in run.notes {
            let _ = writeln!(
                page,
                "<li class=\"lvl-note\">{}</li>",
                escape(&n.to_string())
            );
        }
        page.push_str("</ol></nav>\n");
    }

    /// One article: its front matter, its text with the claims marked, then its findings.
    fn article(
        &self,
        page: &mut String,
        i: usize,
        r: &FileReport,
        next: &dyn Fn(usize, usize) -> Option<String>,
    ) {
        let _ = writeln!(
            page,
            "<section class=\"file\" id=\"file{i}\"><h2>{}</h2>",
            escape(&r.doc.name)
        );
        let prose: Vec<Prose> = r.verdicts.iter().map(|v| explain(r, v, self.lex)).collect();
        let on_page = body::render(page, i, r, &prose);
        let _ = writeln!(page, "<ol class=\"findings\">");
        for (k, (v, p)) in r.verdicts.iter().zip(&prose).enumerate() {
            let Some(level) = level(v) else { continue };
            if v.suppressed.is_some() {
                continue;
            }
            let links = Links {
                back: on_page[k],
                next: next(i, k),
            };
            self.finding(page, (i, k), r, v, level, p, links);
        }
        let _ = writeln!(page, "</ol></section>");
    }

    #[allow(clippy::too_many_arguments)]
    fn finding(
        &self,
        page: &mut String,
        (i, k): (usize, usize),
        r: &FileReport,
        v: &Verdict,
        level: Level,
        p: &Prose,
        links: Links,
    ) {
        let c = &r.claims[v.claim];
        let _ = write!(
            page,
            "<li id=\"f{i}-{k}\" class=\"lvl-{}\"><span class=\"sym\">{}</span><b class=\"label\">{}</b> ({}) line {}: “{}” — {}",
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
            let _ = write!(page, "<a href=\"#c{i}-{k}\">↑ in the text</a>");
        }
        match links.next {
            Some(n) => {
                let _ = write!(page, "<a href=\"#{n}\">next problem ↓</a>");
            }
            None => page.push_str("<a href=\"#problems\">back to the list</a>"),
        }
        page.push_str("</div></li>\n");
    }
}
