//! `--format html`: a self-contained page with each article, its claims highlighted by
//! verdict (the explanation in a tooltip), and a list of findings.

use std::io::{self, Write};

use super::explain::words::oneline;
use super::explain::{Prose, explain};
use super::{Layout, Renderer, RunEnd, verdict_label};
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
    /// The totals open the page, so the articles are held until the end.
    fn check_layout(&self) -> Layout {
        Layout::Held(1)
    }

    fn check_part(&self, out: &mut dyn Write, _section: usize, r: &FileReport) -> io::Result<()> {
        self.article(out, r)
    }

    fn check_end(&self, out: &mut dyn Write, end: &RunEnd, held: &[Vec<u8>]) -> io::Result<()> {
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>numcheck report</title>\n<style>\n{STYLE}\n</style></head><body>\n<h1>numcheck report</h1>\n<p>{}</p>\n",
            html_escape(&end.totals.summary_line()),
        )?;
        for section in held {
            out.write_all(section)?;
        }
        out.write_all(b"</body></html>\n")
    }
}

impl Html<'_> {
    /// One article: its text with the claims marked, then its findings.
    fn article(&self, body: &mut dyn Write, r: &FileReport) -> io::Result<()> {
        writeln!(
            body,
            "<section><h2>{}</h2><pre class=\"article\">",
            html_escape(&r.doc.name)
        )?;
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
            body.write_all(html_escape(&src[pos..s]).as_bytes())?;
            write!(
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
            )?;
            pos = e;
        }
        body.write_all(html_escape(&src[pos..]).as_bytes())?;
        writeln!(body, "</pre><ol class=\"findings\">")?;
        for (v, p) in r.verdicts.iter().zip(&prose) {
            if v.kind == VerdictKind::Consistent || v.suppressed {
                continue;
            }
            let c = &r.claims[v.claim];
            writeln!(
                body,
                "<li class=\"{}\"><b>{}</b> line {}: “{}” — {}<br><small>{}</small></li>",
                v.kind.as_str(),
                html_escape(&verdict_label(v)),
                c.line,
                html_escape(&oneline(&c.text)),
                html_escape(&p.summary),
                html_escape(&p.explanation.join(" "))
            )?;
        }
        writeln!(body, "</ol></section>")
    }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
