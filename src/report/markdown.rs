//! `--format markdown`: a discrepancy report to paste into a ticket: the totals, a table of
//! inconsistent and ambiguous claims with their severity, check, reference and a suggested
//! correction, and the figures that could not be checked as a compact list (a table with
//! `--show all`). Silenced claims are left out.

use std::io::{self, Write};

use super::explain::explain;
use super::explain::words::{describe_value, fact_unit, oneline};
use super::visible::visible;
use super::{Layout, RenderOptions, Renderer, RunEnd, is_finding, verdict_label};
use crate::check::{FileReport, Verdict, VerdictKind};
use crate::claim::fmt_num;
use crate::lexicon::Lexicon;

/// The Markdown renderer.
pub(crate) struct Markdown<'a> {
    pub(crate) lex: &'a Lexicon,
    pub(crate) options: RenderOptions,
}

/// The sections each file writes its rows into.
const DISCREPANCIES: usize = 0;
const UNVERIFIABLE: usize = 1;

impl Renderer for Markdown<'_> {
    /// The totals open the report, so the rows of both tables are held until the end.
    fn check_layout(&self) -> Layout {
        Layout::Held(2)
    }

    fn check_part(&self, out: &mut dyn Write, section: usize, r: &FileReport) -> io::Result<()> {
        for v in r.verdicts.iter().filter(|v| v.suppressed.is_none()) {
            match (section, v.kind) {
                (DISCREPANCIES, _) if is_finding(v) => self.discrepancy(out, r, v)?,
                (UNVERIFIABLE, VerdictKind::Unverifiable) => self.unverifiable(out, r, v)?,
                _ => {}
            }
        }
        Ok(())
    }

    fn check_end(&self, out: &mut dyn Write, end: &RunEnd, held: &[Vec<u8>]) -> io::Result<()> {
        let t = end.totals;
        writeln!(out, "# numcheck discrepancy report\n")?;
        writeln!(
            out,
            "| files | claims | consistent | by rounding | inconsistent | errors | warnings | unverifiable | ambiguous | silenced |"
        )?;
        writeln!(out, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")?;
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            t.files,
            t.claims,
            t.consistent + t.consistent_by_rounding,
            t.consistent_by_rounding,
            t.inconsistent,
            t.errors,
            t.warnings,
            t.unverifiable,
            t.ambiguous,
            t.silenced
        )?;
        let rows = |s: usize| held.get(s).map(Vec::as_slice).unwrap_or_default();
        if rows(DISCREPANCIES).is_empty() {
            writeln!(out, "No discrepancies found.")?;
        } else {
            writeln!(out, "## Discrepancies\n")?;
            writeln!(
                out,
                "| where | claim as written | finding | reference | source | suggested correction |"
            )?;
            writeln!(out, "|---|---|---|---|---|---|")?;
            out.write_all(rows(DISCREPANCIES))?;
        }
        if !rows(UNVERIFIABLE).is_empty() {
            writeln!(out, "\n## Not checked ({})\n", t.unverifiable)?;
            if self.options.show_all {
                writeln!(out, "| where | claim as written | reads as | why |")?;
                writeln!(out, "|---|---|---|---|")?;
                out.write_all(rows(UNVERIFIABLE))?;
            } else {
                let list = rows(UNVERIFIABLE);
                out.write_all(list.strip_suffix(LIST_SEP.as_bytes()).unwrap_or(list))?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}

/// Between the items of the compact list of figures not checked.
const LIST_SEP: &str = " · ";

/// Text from an article or a file name as Markdown that shows it and does nothing else: on one
/// line, terminal controls shown (see `visible`), HTML's `<`, `>` and `&` as entities, and
/// the marks Markdown reads as syntax inside a line (emphasis, code, links and images, which
/// need brackets, strikethrough, table pipes) escaped with a backslash.
pub(crate) fn md_escape(s: &str) -> String {
    let line = oneline(s);
    let shown = visible(&line);
    let mut out = String::with_capacity(shown.len() + 8);
    for c in shown.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

impl Markdown<'_> {
    /// A row for an inconsistent or ambiguous claim.
    fn discrepancy(&self, out: &mut dyn Write, r: &FileReport, v: &Verdict) -> io::Result<()> {
        let c = &r.claims[v.claim];
        let prose = explain(r, v, self.lex);
        let (fact, source) = match &v.fact {
            Some(f) => {
                let value = rust_decimal::Decimal::from_str_exact(&f.value_text)
                    .map(fmt_num)
                    .unwrap_or_else(|_| f.value_text.clone());
                (
                    format!("{} {}: {} {}", f.entity, f.measure, value, fact_unit(f)),
                    f.source.clone(),
                )
            }
            None => (
                v.check().as_str().to_string(),
                prose.source_note.clone().unwrap_or_default(),
            ),
        };
        writeln!(
            out,
            "| {}:{}:{} | {} | {} — {} | {} | {} | {} |",
            md_escape(&r.doc.name),
            c.line,
            c.column,
            md_escape(&c.text),
            verdict_label(v),
            md_escape(&prose.summary),
            md_escape(&fact),
            md_escape(&source),
            md_escape(prose.suggestion.as_deref().unwrap_or("—"))
        )
    }

    /// A claim that could not be checked: an item of the compact list, or with `--show all` a
    /// row of how it reads and why.
    fn unverifiable(&self, out: &mut dyn Write, r: &FileReport, v: &Verdict) -> io::Result<()> {
        let c = &r.claims[v.claim];
        if !self.options.show_all {
            return write!(
                out,
                "{} ({}:{}){LIST_SEP}",
                md_escape(&c.text),
                md_escape(&r.doc.name),
                c.line
            );
        }
        writeln!(
            out,
            "| {}:{}:{} | {} | {} | {} |",
            md_escape(&r.doc.name),
            c.line,
            c.column,
            md_escape(&c.text),
            md_escape(&describe_value(c, self.lex)),
            md_escape(&explain(r, v, self.lex).summary)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::md_escape;

    #[test]
    fn article_text_and_file_names_cannot_inject_html_or_markdown() {
        assert_eq!(
            md_escape("<img src=x onerror=alert(1)>.md"),
            "&lt;img src=x onerror=alert(1)&gt;.md"
        );
        assert_eq!(
            md_escape("a|b [x](javascript:y) *b*"),
            "a\\|b \\[x\\](javascript:y) \\*b\\*"
        );
        assert_eq!(
            md_escape("line\nnext & \u{1b}[31m"),
            "line next &amp; ␛\\[31m"
        );
        assert_eq!(md_escape("£1.2bn, 14,000 troops"), "£1.2bn, 14,000 troops");
    }
}
