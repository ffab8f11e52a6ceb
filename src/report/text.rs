//! `--format text`: for `check`, rustc-style findings (inconsistent and ambiguous claims) with
//! the source line and a caret under the claim; notes (consistent by rounding, within a source's
//! tolerance, hedged) in one line each; the figures not checked as a count and a compact list;
//! then the totals. `--show all` writes every claim in full, `--verbose` how each was read and
//! linked. For `extract`, one aligned row per claim.

use std::borrow::Cow;
use std::io::{self, Write};

use super::explain::explain;
use super::explain::words::{describe_value, oneline};
use super::visible::visible;
use super::{Extracted, RenderOptions, Renderer, RunEnd, is_finding, verdict_label};
use crate::check::{FileReport, Verdict, VerdictKind};
use crate::claim::Claim;
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
    fn check_part(&self, out: &mut dyn Write, _section: usize, r: &FileReport) -> io::Result<()> {
        let shown = r.verdicts.iter().filter(|v| v.suppressed.is_none());
        if self.options.show_all {
            for v in shown {
                self.finding(out, r, v)?;
            }
            return Ok(());
        }
        let mut unchecked = Vec::new();
        let mut after_note = false;
        for v in shown {
            if is_finding(v) {
                if after_note {
                    writeln!(out)?;
                }
                self.finding(out, r, v)?;
                after_note = false;
            } else if v.kind == VerdictKind::Unverifiable {
                unchecked.push(v);
            } else if v.severity.is_some() {
                self.note(out, r, v)?;
                after_note = true;
            }
        }
        if after_note {
            writeln!(out)?;
        }
        self.unchecked(out, r, &unchecked)
    }

    fn check_end(&self, out: &mut dyn Write, end: &RunEnd, _held: &[Vec<u8>]) -> io::Result<()> {
        for n in end.notes {
            writeln!(
                out,
                "{}: {}",
                paint(self.options.color, "1;36", "note"),
                visible(&n.to_string())
            )?;
        }
        writeln!(out, "{}", end.totals.summary_line())
    }

    fn lists_claims(&self) -> bool {
        true
    }

    /// The claims of a file in aligned rows. The column widths are measured in a first pass
    /// and the rows written in a second, so no row is held.
    fn extract_part(&self, out: &mut dyn Write, f: &Extracted) -> io::Result<()> {
        let mut widths = [0usize; 4];
        for c in f.claims {
            for (w, cell) in widths.iter_mut().zip(self.cells(f, c)) {
                *w = (*w).max(cell.chars().count());
            }
        }
        for c in f.claims {
            let [c0, c1, c2, c3] = self.cells(f, c);
            writeln!(
                out,
                "{:w0$}  {:w1$}  {:w2$}  {:w3$}  {}  {}",
                c0,
                c1,
                c2,
                c3,
                visible(&oneline(&c.text)),
                c.interval.map(|i| i.display()).unwrap_or_default(),
                w0 = widths[0],
                w1 = widths[1],
                w2 = widths[2],
                w3 = widths[3]
            )?;
        }
        let n = f.claims.len();
        writeln!(
            out,
            "{}: {n} claim{}",
            visible(&f.doc.name),
            if n == 1 { "" } else { "s" }
        )
    }
}

impl Text<'_> {
    /// The aligned cells of a claim's row: where, kind, value, qualifier.
    fn cells<'c>(&self, f: &Extracted, c: &'c Claim) -> [Cow<'c, str>; 4] {
        [
            Cow::Owned(format!("{}:{}:{}", visible(&f.doc.name), c.line, c.column)),
            Cow::Borrowed(c.reading.kind.as_str()),
            Cow::Owned(describe_value(c, self.lex)),
            Cow::Borrowed(c.reading.qualifier.as_str()),
        ]
    }

    /// One finding: the label and summary, where, the source with a caret, the explanation.
    fn finding(&self, out: &mut dyn Write, r: &FileReport, v: &Verdict) -> io::Result<()> {
        let color = self.options.color;
        let c = &r.claims[v.claim];
        let prose = explain(r, v, self.lex);
        let label = verdict_label(v);
        writeln!(
            out,
            "{}: {}",
            paint(color, verdict_color(v), &label),
            paint(color, "1", &visible(&prose.summary))
        )?;
        writeln!(
            out,
            "  --> {}:{}:{}",
            visible(&r.doc.name),
            c.line,
            c.column
        )?;
        // the source line(s) with the claim underlined
        let (end_line, end_col) = r.doc.line_col(c.span.end);
        let gutter = format!("{}", end_line).len();
        writeln!(out, "{:gutter$} |", "")?;
        for line_no in c.line..=end_line {
            let text = r.doc.line_text(line_no);
            let first = line_no == c.line;
            let from = if first { c.column } else { 1 };
            // the claim's start as a byte offset in the line
            let from_b = if first {
                c.span
                    .start
                    .saturating_sub(offset_in(&r.doc.source, text))
                    .min(text.len())
            } else {
                0
            };
            // columns from the claim's start to its end on this line (or the line's end)
            let width = if line_no == end_line {
                end_col as isize - from as isize
            } else {
                chars_upto(text.get(from_b..).unwrap_or(""), WINDOW + 1) as isize
            };
            // long lines (one-line dumps) show a window around the claim
            let (shown, offset) = line_window(text, from, from_b, width);
            writeln!(out, "{line_no:>gutter$} | {}", visible(shown.trim_end()))?;
            if width > 0 {
                writeln!(
                    out,
                    "{:gutter$} | {}{}",
                    "",
                    " ".repeat(from - 1 - offset),
                    paint(
                        color,
                        verdict_color(v),
                        &"^".repeat((width as usize).min(WINDOW))
                    )
                )?;
            }
        }
        for note in &prose.explanation {
            writeln!(out, "{:gutter$} = {}", "", visible(note))?;
        }
        if self.options.verbose {
            for note in &prose.details {
                writeln!(out, "{:gutter$} = {}", "", visible(note))?;
            }
        }
        if let Some(s) = &prose.suggestion
            && v.kind == VerdictKind::Inconsistent
        {
            writeln!(out, "{:gutter$} = suggestion: {}", "", visible(s))?;
        }
        writeln!(out)
    }

    /// A note in one line: the label, the summary and where.
    fn note(&self, out: &mut dyn Write, r: &FileReport, v: &Verdict) -> io::Result<()> {
        let c = &r.claims[v.claim];
        let prose = explain(r, v, self.lex);
        writeln!(
            out,
            "{}: {} ({}:{}:{})",
            paint(self.options.color, verdict_color(v), &verdict_label(v)),
            visible(&prose.summary),
            visible(&r.doc.name),
            c.line,
            c.column
        )
    }

    /// The figures not checked, as a count and a compact list: "1.2bn (3:10), 45% (5:2)".
    fn unchecked(&self, out: &mut dyn Write, r: &FileReport, vs: &[&Verdict]) -> io::Result<()> {
        if vs.is_empty() {
            return Ok(());
        }
        let n = vs.len();
        let mut line = format!(
            "note: {n} figure{} not checked in {} (no reference fact, or not comparable):",
            if n == 1 { "" } else { "s" },
            visible(&r.doc.name)
        );
        for (k, v) in vs.iter().enumerate() {
            let c = &r.claims[v.claim];
            let item = format!(
                " {} ({}:{}){}",
                visible(&oneline(&c.text)),
                c.line,
                c.column,
                if k + 1 < n { "," } else { "" }
            );
            if line.chars().count() + item.chars().count() > LIST_WIDTH {
                writeln!(out, "{line}")?;
                line = " ".to_string();
            }
            line.push_str(&item);
        }
        writeln!(out, "{line}\n")
    }
}

/// The byte offset of `part` (a slice of `whole`) in `whole`.
fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

/// The characters of `s`, counting no further than `limit`.
fn chars_upto(s: &str, limit: usize) -> usize {
    s.chars().take(limit).count()
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

/// The part of a source line to show for a claim starting at column `from` (1-based
/// characters; byte `from_b` of the line) and `width` columns wide on this line, and how many
/// characters were cut from the start ("…" included). Reads only the characters around the
/// claim, however long the line.
fn line_window(text: &str, from: usize, from_b: usize, width: isize) -> (String, usize) {
    if text.len() <= WINDOW || text.chars().nth(WINDOW).is_none() {
        return (text.to_string(), 0);
    }
    // the window starts up to 40 characters before the claim
    let start = from.saturating_sub(1).saturating_sub(40);
    let back = from.saturating_sub(1) - start;
    let start_b = if back == 0 {
        from_b
    } else {
        text[..from_b]
            .char_indices()
            .rev()
            .nth(back - 1)
            .map_or(0, |(i, _)| i)
    };
    // and ends 40 characters after it, showing at least one and at most WINDOW characters
    let take = (back as isize + width + 40).clamp(1, WINDOW as isize) as usize;
    let rest = &text[start_b..];
    let end_b = rest.char_indices().nth(take).map_or(rest.len(), |(i, _)| i);
    let body = &rest[..end_b];
    if start == 0 {
        (format!("{body}…"), 0)
    } else {
        // the ellipsis takes one column, so the caret shifts by start - 1
        let more = if end_b < rest.len() { "…" } else { "" };
        (format!("…{body}{more}"), start - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The window as it was first written: counting the whole line (kept as the oracle).
    fn line_window_by_counting(text: &str, from: usize, to: usize) -> (String, usize) {
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
            (
                format!("…{body}{}", if end < n { "…" } else { "" }),
                start - 1,
            )
        }
    }

    #[test]
    fn long_lines_show_a_window_around_the_claim() {
        let line = "x".repeat(300);
        let (shown, offset) = line_window(&line, 200, 199, 5);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(offset, 158);
        assert_eq!(line_window("short", 1, 0, 2), ("short".to_string(), 0));
    }

    proptest! {
        #[test]
        fn the_window_is_the_one_counting_the_whole_line_gives(
            line in "[a-zé€ ]{0,400}",
            a in 0usize..420,
            len in 0usize..200,
            last in any::<bool>(),
        ) {
            let n = line.chars().count();
            let from = a.min(n) + 1;
            let from_b = line.char_indices().nth(from - 1).map_or(line.len(), |(i, _)| i);
            let to = if last { (from + len).min(n + 1) } else { n + 1 };
            let width = if last {
                to as isize - from as isize
            } else {
                chars_upto(&line[from_b..], WINDOW + 1) as isize
            };
            prop_assert_eq!(
                line_window(&line, from, from_b, width),
                line_window_by_counting(&line, from, to)
            );
        }
    }
}
