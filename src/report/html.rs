//! `--format html`: a self-contained page with each article, its claims highlighted by
//! verdict (the explanation in a tooltip), and a list of findings.

use std::fmt::Write as _;

use super::explain::words::oneline;
use super::explain::{Prose, explain};
use super::{CheckRun, Renderer, verdict_label};
use crate::check::{FileReport, Verdict, VerdictKind};
use crate::lexicon::Lexicon;

/// The HTML renderer.
pub(crate) struct Html<'a> {
    pub(crate) lex: &'a Lexicon,
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
pre.article{white-space:pre-wrap;line-height:1.5;background:#fafafa;padding:1rem;border:1px solid #ddd}
mark.consistent{background:#d4f7d4} mark.consistent_by_rounding{background:#e8f7c8}
mark.inconsistent{background:#ffc9c9} mark.unverifiable{background:#eee} mark.ambiguous{background:#ffe8a3}
li.inconsistent b{color:#b00}";

impl Renderer for Html<'_> {
    fn check(&self, run: &CheckRun) -> String {
        let mut body = String::new();
        for r in run.files {
            self.article(&mut body, r);
        }
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>numcheck report</title>\n<style>\n{STYLE}\n</style></head><body>\n<h1>numcheck report</h1>\n<p>{}</p>\n{}</body></html>\n",
            html_escape(&run.totals.summary_line()),
            body
        )
    }
}

impl Html<'_> {
    /// One article: its text with the claims marked, then its findings.
    fn article(&self, body: &mut String, r: &FileReport) {
        let _ = writeln!(
            body,
            "<section><h2>{}</h2><pre class=\"article\">",
            html_escape(&r.doc.name)
        );
        let prose: Vec<Prose> = r.verdicts.iter().map(|v| explain(r, v, self.lex)).collect();
        let mut marks: Vec<(usize, usize, &Verdict, &Prose)> = r
            .verdicts
            .iter()
            .zip(&prose)
            .map(|(v, p)| {
                (
                    r.claims[v.claim].span.start,
                    r.claims[v.claim].span.end,
                    v,
                    p,
                )
            })
            .collect();
        marks.sort_by_key(|m| m.0);
        let src = &r.doc.source;
        let mut pos = 0;
        for (s, e, v, p) in marks {
            if s < pos || e > src.len() || !src.is_char_boundary(s) || !src.is_char_boundary(e) {
                continue;
            }
            body.push_str(&html_escape(&src[pos..s]));
            let _ = write!(
                body,
                "<mark class=\"{}\" title=\"{}\">{}</mark>",
                v.kind.as_str(),
                html_escape(&format!(
                    "{}: {} {}",
                    verdict_label(v),
                    p.summary,
                    p.explanation.join(" ")
                )),
                html_escape(&src[s..e])
            );
            pos = e;
        }
        body.push_str(&html_escape(&src[pos..]));
        let _ = writeln!(body, "</pre><ol class=\"findings\">");
        for (v, p) in r.verdicts.iter().zip(&prose) {
            if v.kind == VerdictKind::Consistent || v.suppressed {
                continue;
            }
            let c = &r.claims[v.claim];
            let _ = writeln!(
                body,
                "<li class=\"{}\"><b>{}</b> line {}: “{}” — {}<br><small>{}</small></li>",
                v.kind.as_str(),
                html_escape(&verdict_label(v)),
                c.line,
                html_escape(&oneline(&c.text)),
                html_escape(&p.summary),
                html_escape(&p.explanation.join(" "))
            );
        }
        let _ = writeln!(body, "</ol></section>");
    }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
