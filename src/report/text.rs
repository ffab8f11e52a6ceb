//! `--format text`: for `check`, rustc-style findings (inconsistent and ambiguous claims) with
//! the source line and a caret under the claim; notes (consistent by rounding, within a source's
//! tolerance, hedged) in one line each; the figures not checked as a count and a compact list;
//! then the totals. `--show all` writes every claim in full, `--verbose` how each was read and
//! linked. For `extract`, one aligned row per claim.

use std::fmt::Write as _;

use super::explain::explain;
use super::explain::words::{describe_value, oneline};
use super::{CheckRun, ExtractRun, RenderOptions, Renderer, is_finding, verdict_label};
use crate::check::{FileReport, Verdict, VerdictKind};
use crate::lexicon::Lexicon;

/// Widest source excerpt a text finding shows, in characters.
const WINDOW: usize = 160;

/// Widest line of the compact list of figures not checked, in characters.
const LIST_WIDTH: usize = 100;

/// The text renderer.
pub(crate) struct Text<'a> {
    pub(crate) lex: &'a Lexicon,
    pub(crate) options: RenderOptions,
}

impl Renderer for Text<'_> {
    fn check(&self, run: &CheckRun) -> String {
        let mut out = String::new();
        for r in run.files {
            let shown = r.verdicts.iter().filter(|v| !v.suppressed);
            if self.options.show_all {
                shown.for_each(|v| self.finding(&mut out, r, v));
                continue;
            }
            let mut unchecked = Vec::new();
            let mut after_note = false;
            for v in shown {
                if is_finding(v) {
                    if after_note {
                        out.push('\n');
                    }
                    self.finding(&mut out, r, v);
                    after_note = false;
                } else if v.kind == VerdictKind::Unverifiable {
                    unchecked.push(v);
                } else if v.severity.is_some() {
                    self.note(&mut out, r, v);
                    after_note = true;
                }
            }
            if after_note {
                out.push('\n');
            }
            self.unchecked(&mut out, r, &unchecked);
        }
        let _ = writeln!(out, "{}", run.totals.summary_line());
        out
    }

    fn extract(&self, run: &ExtractRun) -> Option<String> {
        let mut out = String::new();
        for f in run.files {
            let rows: Vec<[String; 5]> = f
                .claims
                .iter()
                .map(|c| {
                    [
                        format!("{}:{}:{}", f.doc.name, c.line, c.column),
                        c.reading.kind.as_str().to_string(),
                        describe_value(c, self.lex),
                        c.reading.qualifier.as_str().to_string(),
                        format!(
                            "{}  {}",
                            oneline(&c.text),
                            c.interval.map(|i| i.display()).unwrap_or_default()
                        ),
                    ]
                })
                .collect();
            let mut widths = [0usize; 4];
            for r in &rows {
                for k in 0..4 {
                    widths[k] = widths[k].max(r[k].chars().count());
                }
            }
            for r in &rows {
                let _ = writeln!(
                    out,
                    "{:w0$}  {:w1$}  {:w2$}  {:w3$}  {}",
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    w0 = widths[0],
                    w1 = widths[1],
                    w2 = widths[2],
                    w3 = widths[3]
                );
            }
            let n = f.claims.len();
            let _ = writeln!(
                out,
                "{}: {n} claim{}",
                f.doc.name,
                if n == 1 { "" } else { "s" }
            );
        }
        Some(out)
    }
}

impl Text<'_> {
    /// One finding: the label and summary, where, the source with a caret, the explanation.
    fn finding(&self, out: &mut String, r: &FileReport, v: &Verdict) {
        let color = self.options.color;
        let c = &r.claims[v.claim];
        let prose = explain(r, v, self.lex);
        let label = verdict_label(v);
        let _ = writeln!(
            out,
            "{}: {}",
            paint(color, verdict_color(v), &label),
            paint(color, "1", &prose.summary)
        );
        let _ = writeln!(out, "  --> {}:{}:{}", r.doc.name, c.line, c.column);
        // the source line(s) with the claim underlined
        let (end_line, end_col) = r.doc.line_col(c.span.end);
        let gutter = format!("{}", end_line).len();
        let _ = writeln!(out, "{:gutter$} |", "");
        for line_no in c.line..=end_line {
            let text = r.doc.line_text(line_no);
            let from = if line_no == c.line { c.column } else { 1 };
            let to = if line_no == end_line {
                end_col
            } else {
                text.chars().count() + 1
            };
            // long lines (one-line dumps) show a window around the claim
            let (shown, offset) = line_window(text, from, to);
            let _ = writeln!(out, "{line_no:>gutter$} | {}", shown.trim_end());
            if to > from {
                let _ = writeln!(
                    out,
                    "{:gutter$} | {}{}",
                    "",
                    " ".repeat(from - 1 - offset),
                    paint(
                        color,
                        verdict_color(v),
                        &"^".repeat((to - from).min(WINDOW))
                    )
                );
            }
        }
        for note in &prose.explanation {
            let _ = writeln!(out, "{:gutter$} = {}", "", note);
        }
        if self.options.verbose {
            for note in &prose.details {
                let _ = writeln!(out, "{:gutter$} = {}", "", note);
            }
        }
        if let Some(s) = &prose.suggestion
            && v.kind == VerdictKind::Inconsistent
        {
            let _ = writeln!(out, "{:gutter$} = suggestion: {s}", "");
        }
        let _ = writeln!(out);
    }

    /// A note in one line: the label, the summary and where.
    fn note(&self, out: &mut String, r: &FileReport, v: &Verdict) {
        let c = &r.claims[v.claim];
        let prose = explain(r, v, self.lex);
        let _ = writeln!(
            out,
            "{}: {} ({}:{}:{})",
            paint(self.options.color, verdict_color(v), &verdict_label(v)),
            prose.summary,
            r.doc.name,
            c.line,
            c.column
        );
    }

    /// The figures not checked, as a count and a compact list: "1.2bn (3:10), 45% (5:2)".
    fn unchecked(&self, out: &mut String, r: &FileReport, vs: &[&Verdict]) {
        if vs.is_empty() {
            return;
        }
        let n = vs.len();
        let mut line = format!(
            "note: {n} figure{} not checked in {} (no reference fact, or not comparable):",
            if n == 1 { "" } else { "s" },
            r.doc.name
        );
        for (k, v) in vs.iter().enumerate() {
            let c = &r.claims[v.claim];
            let item = format!(
                " {} ({}:{}){}",
                oneline(&c.text),
                c.line,
                c.column,
                if k + 1 < n { "," } else { "" }
            );
            if line.chars().count() + item.chars().count() > LIST_WIDTH {
                let _ = writeln!(out, "{line}");
                line = " ".to_string();
            }
            line.push_str(&item);
        }
        let _ = writeln!(out, "{line}\n");
    }
}

fn paint(on: bool, code: &str, s: &str) -> String {
    if on {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

fn verdict_color(v: &Verdict) -> &'static str {
    use crate::check::Severity;
    match v.severity {
        Some(Severity::Error) => "1;31",
        Some(Severity::Warning) => "1;33",
        Some(Severity::Note) => "1;36",
        None => "1;32",
    }
}

/// The part of a source line to show for a claim in columns `from..to` (1-based characters),
/// and how many characters were cut from the start ("…" included).
fn line_window(text: &str, from: usize, to: usize) -> (String, usize) {
    let n = text.chars().count();
    if n <= WINDOW {
        return (text.to_string(), 0);
    }
    let start = from.saturating_sub(1).saturating_sub(40);
    let end = (to.saturating_sub(1) + 40)
        .min(n)
        .max(start + 1)
        .min(start + WINDOW);
    let body: String = text.chars().skip(start).take(end - start).collect();
    if start == 0 {
        (format!("{body}…"), 0)
    } else {
        // the ellipsis takes one column, so the caret shifts by start - 1
        (
            format!("…{body}{}", if end < n { "…" } else { "" }),
            start - 1,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::line_window;

    #[test]
    fn long_lines_show_a_window_around_the_claim() {
        let line = "x".repeat(300);
        let (shown, offset) = line_window(&line, 200, 205);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(offset, 158);
        assert_eq!(line_window("short", 1, 3), ("short".to_string(), 0));
    }
}
