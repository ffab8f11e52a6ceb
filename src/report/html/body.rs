//! An article's text in the review page: Markdown rendered with pulldown-cmark, other formats as
//! plain text, each claim highlighted on its original span. Highlights are placed while the
//! Markdown is rendered: a text event whose source is the text itself is cut at the claims'
//! offsets, so a highlight sits exactly on the claim as written (split in pieces where the claim
//! crosses markup). Raw HTML of the article is shown as escaped text, never run; images become
//! their alt text (the page makes no request); links go only to web, mail or in-page targets.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use super::{class, escape, symbol};
use crate::check::FileReport;
use crate::document::Format;
use crate::report::explain::Prose;
use crate::report::{level, verdict_label};

/// A claim to highlight: its source span, the verdict's index, and the tags around it.
struct Mark {
    span: Range<usize>,
    verdict: usize,
    open: String,
    close: String,
    linked: bool,
}

/// The highlights of a file, in source order, overlapping ones dropped (silenced claims are
/// not highlighted).
fn marks(i: &str, r: &FileReport, prose: &[Prose]) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::new();
    let mut order: Vec<usize> = (0..r.verdicts.len())
        .filter(|&k| r.verdicts[k].suppressed.is_none())
        .collect();
    order.sort_by_key(|&k| r.claims[r.verdicts[k].claim].span.start);
    for k in order {
        let v = &r.verdicts[k];
        let span = r.claims[v.claim].span;
        if out.last().is_some_and(|m| m.span.end > span.start) {
            continue;
        }
        let title = format!("{}: {}", verdict_label(v), prose[k].summary);
        let linked = level(v).is_some();
        let (open, close) = if linked {
            (
                format!(
                    "<mark class=\"{}\" title=\"{}\"><a href=\"#f{i}-{k}\">",
                    class(v),
                    escape(&title)
                ),
                "</a></mark>".to_string(),
            )
        } else {
            (
                format!("<mark class=\"{}\" title=\"{}\">", class(v), escape(&title)),
                "</mark>".to_string(),
            )
        };
        out.push(Mark {
            span: span.start..span.end,
            verdict: k,
            open,
            close: format!("{close}<sup class=\"sym\">{}</sup>", symbol(level(v))),
            linked,
        });
    }
    out
}

/// Writes the escaped text of `src[range]` with the highlights that fall in it; `placed`
/// records the highlights whose anchor was written.
fn marked(
    out: &mut String,
    src: &str,
    range: Range<usize>,
    marks: &[Mark],
    placed: &mut [bool],
    i: &str,
) {
    let mut pos = range.start;
    let first = marks.partition_point(|m| m.span.end <= range.start);
    for (n, m) in marks.iter().enumerate().skip(first) {
        if m.span.start >= range.end {
            break;
        }
        let s = m.span.start.max(pos);
        let e = m.span.end.min(range.end);
        if !src.is_char_boundary(s) || !src.is_char_boundary(e) {
            continue;
        }
        out.push_str(&escape(&src[pos..s]));
        let open = if placed[n] {
            m.open.clone()
        } else {
            placed[n] = true;
            m.open
                .replacen("<mark ", &format!("<mark id=\"c{i}-{}\" ", m.verdict), 1)
        };
        out.push_str(&open);
        out.push_str(&escape(&src[s..e]));
        if e == m.span.end {
            out.push_str(&m.close);
        } else {
            // the claim goes on past this piece of text
            out.push_str(m.close.split("<sup").next().unwrap_or_default());
        }
        pos = e;
    }
    out.push_str(&escape(&src[pos..range.end]));
}

/// Writes the article's text, highlighted. Returns, per verdict, whether its highlight (the
/// target of the finding's "in the text" link) is on the page.
pub(super) fn render(page: &mut String, i: &str, r: &FileReport, prose: &[Prose]) -> Vec<bool> {
    let marks = marks(i, r, prose);
    let mut placed = vec![false; marks.len()];
    let doc = r.doc;
    let body = doc.body_start();
    if doc.format == Format::Markdown {
        front_matter(page, &doc.source[..body]);
        page.push_str("<article class=\"text\">\n");
        markdown(page, &doc.source, body, &marks, &mut placed, i);
        page.push_str("</article>\n");
    } else {
        page.push_str("<pre class=\"article\">");
        marked(
            page,
            &doc.source,
            body..doc.source.len(),
            &marks,
            &mut placed,
            i,
        );
        page.push_str("</pre>\n");
    }
    let mut on_page = vec![false; r.verdicts.len()];
    for (m, p) in marks.iter().zip(placed) {
        on_page[m.verdict] = p && m.linked;
    }
    on_page
}

/// Front matter as a small header: its top-level `key: value` (or `key = value`) lines.
fn front_matter(page: &mut String, block: &str) {
    let entries: Vec<(&str, &str)> = block
        .lines()
        .filter(|l| !l.starts_with([' ', '\t', '-', '+', '#']) && !l.trim().is_empty())
        .filter_map(|l| l.split_once(':').or_else(|| l.split_once('=')))
        .map(|(k, v)| (k.trim(), v.trim().trim_matches(['"', '\''])))
        .collect();
    if entries.is_empty() {
        return;
    }
    page.push_str("<dl class=\"front-matter\">");
    for (k, v) in entries {
        page.push_str(&format!("<dt>{}</dt><dd>{}</dd>", escape(k), escape(v)));
    }
    page.push_str("</dl>\n");
}

/// Is a link target safe to keep: a web or mail address, an in-page anchor, or a relative
/// path?
fn safe_target(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")
    {
        return true;
    }
    match lower.find(':') {
        None => true,
        Some(colon) => lower[..colon].contains(['/', '?', '#']),
    }
}

fn markdown(
    page: &mut String,
    src: &str,
    body: usize,
    marks: &[Mark],
    placed: &mut [bool],
    i: &str,
) {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut in_image = 0usize;
    let events = Parser::new_ext(&src[body..], opts)
        .into_offset_iter()
        .filter_map(|(event, range)| {
            let range = body + range.start..body + range.end;
            let html = |s: String| Some(Event::InlineHtml(CowStr::from(s)));
            match event {
                Event::Start(Tag::Image { .. }) => {
                    in_image += 1;
                    None
                }
                Event::End(TagEnd::Image) => {
                    in_image = in_image.saturating_sub(1);
                    None
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) if !safe_target(&dest_url) => Some(Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from("#"),
                    title,
                    id,
                })),
                Event::Text(t) => {
                    let mut s = String::new();
                    if src.get(range.clone()) == Some(t.as_ref()) && in_image == 0 {
                        marked(&mut s, src, range, marks, placed, i);
                    } else {
                        s = escape(&t);
                    }
                    html(s)
                }
                Event::Html(t) | Event::InlineHtml(t) => {
                    let mut s = String::from("<span class=\"raw-html\">");
                    if src.get(range.clone()) == Some(t.as_ref()) {
                        marked(&mut s, src, range, marks, placed, i);
                    } else {
                        s.push_str(&escape(&t));
                    }
                    s.push_str("</span>");
                    html(s)
                }
                other => Some(other),
            }
        });
    pulldown_cmark::html::push_html(page, events);
}

#[cfg(test)]
mod tests {
    use super::safe_target;

    #[test]
    fn only_web_mail_anchor_and_relative_targets_are_kept() {
        for ok in [
            "https://example.org/a",
            "mailto:desk@example.org",
            "#top",
            "notes/a.md",
            "a.md?x=1:2",
        ] {
            assert!(safe_target(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:x",
            "data:text/html,x",
            "vbscript:x",
        ] {
            assert!(!safe_target(bad), "{bad}");
        }
    }
}
