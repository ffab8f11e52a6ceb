//! `--format markdown`: a discrepancy report to paste into a ticket: the totals, a table of
//! inconsistent and ambiguous claims with their severity, check, reference and a suggested
//! correction, and the figures that could not be checked as a compact list (a table with
//! `--show all`). Silenced claims are left out.

use std::fmt::Write as _;

use super::explain::explain;
use super::explain::words::{describe_value, fact_unit, oneline};
use super::{CheckRun, RenderOptions, Renderer, is_finding, verdict_label};
use crate::check::{FileReport, Verdict, VerdictKind};
use crate::claim::fmt_num;
use crate::lexicon::Lexicon;

/// The Markdown renderer.
pub(crate) struct Markdown<'a> {
    pub(crate) lex: &'a Lexicon,
    pub(crate) options: RenderOptions,
}

impl Renderer for Markdown<'_> {
    fn check(&self, run: &CheckRun) -> String {
        let t = &run.totals;
        let mut out = String::new();
        let _ = writeln!(out, "# numcheck discrepancy report\n");
        let _ = writeln!(
            out,
            "| files | claims | consistent | by rounding | inconsistent | errors | warnings | unverifiable | ambiguous | silenced |"
        );
        let _ = writeln!(out, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        let _ = writeln!(
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
        );
        self.discrepancies(&mut out, run);
        self.unverifiable(&mut out, run);
        out
    }
}

/// Every verdict of the run with its file, silenced ones left out.
fn verdicts<'r>(run: &'r CheckRun) -> impl Iterator<Item = (&'r FileReport<'r>, &'r Verdict)> {
    run.files
        .iter()
        .flat_map(|r| r.verdicts.iter().map(move |v| (r, v)))
        .filter(|(_, v)| !v.suppressed)
}

fn md_escape(s: &str) -> String {
    oneline(s).replace('|', "\\|")
}

impl Markdown<'_> {
    /// Inconsistent and ambiguous claims.
    fn discrepancies(&self, out: &mut String, run: &CheckRun) {
        let found: Vec<(&FileReport, &Verdict)> =
            verdicts(run).filter(|(_, v)| is_finding(v)).collect();
        if found.is_empty() {
            let _ = writeln!(out, "No discrepancies found.");
            return;
        }
        let _ = writeln!(out, "## Discrepancies\n");
        let _ = writeln!(
            out,
            "| where | claim as written | finding | reference | source | suggested correction |"
        );
        let _ = writeln!(out, "|---|---|---|---|---|---|");
        for (r, v) in found {
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
            let _ = writeln!(
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
            );
        }
    }

    /// Claims that could not be checked: a compact list, or with `--show all` a table of how
    /// they read and why.
    fn unverifiable(&self, out: &mut String, run: &CheckRun) {
        let found: Vec<(&FileReport, &Verdict)> = verdicts(run)
            .filter(|(_, v)| v.kind == VerdictKind::Unverifiable)
            .collect();
        if found.is_empty() {
            return;
        }
        let _ = writeln!(out, "\n## Not checked ({})\n", found.len());
        if !self.options.show_all {
            let items: Vec<String> = found
                .iter()
                .map(|(r, v)| {
                    let c = &r.claims[v.claim];
                    format!(
                        "{} ({}:{})",
                        md_escape(&c.text),
                        md_escape(&r.doc.name),
                        c.line
                    )
                })
                .collect();
            let _ = writeln!(out, "{}", items.join(" · "));
            return;
        }
        let _ = writeln!(out, "| where | claim as written | reads as | why |");
        let _ = writeln!(out, "|---|---|---|---|");
        for (r, v) in found {
            let c = &r.claims[v.claim];
            let _ = writeln!(
                out,
                "| {}:{}:{} | {} | {} | {} |",
                md_escape(&r.doc.name),
                c.line,
                c.column,
                md_escape(&c.text),
                md_escape(&describe_value(c, self.lex)),
                md_escape(&explain(r, v, self.lex).summary)
            );
        }
    }
}
