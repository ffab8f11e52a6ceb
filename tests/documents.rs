//! The document stage on careless and hostile input: what the readers keep, what they skip,
//! where their spans point, and that they stay linear on adversarial markup.
//!
//! Every sentence here is written for these tests.

use numcheck::document::InvisibleKind;
use numcheck::{Document, Format, InputError, Lexicon, Tolerances, extract_claims};
use proptest::prelude::*;

fn doc(text: &str, format: Format) -> Document {
    Document::from_text("t", text.to_string(), format)
}

/// The source text a scan range maps back to.
fn source_of(d: &Document, scan_start: usize, scan_end: usize) -> &str {
    &d.source[d.to_source(scan_start)..d.to_source(scan_end)]
}

/// Where `needle` sits in the scan text, mapped back to the source (panics when absent).
fn scanned<'a>(d: &'a Document, needle: &str) -> &'a str {
    let at = d
        .scan
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in scan text {:?}", d.scan));
    source_of(d, at, at + needle.len())
}

fn claim_texts(d: &Document) -> Vec<String> {
    extract_claims(d, Lexicon::embedded(), &Tolerances::default())
        .into_iter()
        .map(|c| c.text)
        .collect()
}

// ---------------------------------------------------------------- HTML

#[test]
fn html_less_than_sign_that_opens_no_tag_is_text() {
    let src = "<p>Inflation stayed < 2% all year, and 40 shops closed.</p><p>Then 7 more.</p>";
    let d = doc(src, Format::Html);
    assert_eq!(scanned(&d, "< 2%"), "< 2%");
    assert_eq!(scanned(&d, "40 shops"), "40 shops");
    let claims = claim_texts(&d);
    assert!(claims.iter().any(|c| c.contains("40")), "{claims:?}");
    assert!(claims.iter().any(|c| c.contains("2%")), "{claims:?}");
}

#[test]
fn html_less_than_before_a_digit_and_at_the_end_is_text() {
    let d = doc("<p>Scores were <5 and a<3</p> and 9 <", Format::Html);
    assert!(d.scan.contains("<5"), "{:?}", d.scan);
    assert!(d.scan.contains("9 <"), "{:?}", d.scan);
}

#[test]
fn html_named_entities_are_all_decoded() {
    // entities the old table lacked: per mille, less-or-equal, one eighth, a legacy one with no
    // semicolon
    let src = "<p>Fees of 3&permil; &le; &frac18; of &pound5m&nbsp;and&#x20AC;7.</p>";
    let d = doc(src, Format::Html);
    assert_eq!(scanned(&d, "3‰"), "3&permil;");
    assert_eq!(scanned(&d, "≤ ⅛"), "&le; &frac18;");
    assert_eq!(scanned(&d, "£5m"), "&pound5m");
    assert_eq!(scanned(&d, "€7"), "&#x20AC;7");
    assert!(d.scan.contains("\u{a0}and"));
}

#[test]
fn html_ampersands_with_no_semicolon_are_kept_as_text() {
    let src = "<p>R&D rose 5% & M&A&amp fell&nbsp 2%; &#; &#xZZ; &unknownentity; 12</p>";
    let d = doc(src, Format::Html);
    assert_eq!(scanned(&d, "R&D rose 5% & M&A"), "R&D rose 5% & M&A");
    assert!(d.scan.contains("M&A& fell\u{a0} 2%"), "{:?}", d.scan);
    assert!(
        d.scan.contains("&#; &#xZZ; &unknownentity; 12"),
        "{:?}",
        d.scan
    );
}

#[test]
fn html_scripts_styles_comments_and_attributes_are_not_scanned() {
    let src = "<html><head><style>p { width: 31px }</style>\
               <script>if (a < 44) { b = \"</p>55\"; }</script></head>\
               <body><!-- 66 hidden --><p title=\"77\">Only 8 <img alt=\"99\">remain.</p>\
               <noscript>11 fallback</noscript><template>12 parts</template></body></html>";
    let d = doc(src, Format::Html);
    for hidden in ["31", "44", "55", "66", "77", "99", "11", "12"] {
        assert!(!d.scan.contains(hidden), "{hidden} in {:?}", d.scan);
    }
    assert_eq!(scanned(&d, "Only 8"), "Only 8");
}

#[test]
fn html_date_and_language_come_from_tags_not_comments() {
    let src = "<!doctype html><html lang=\"en-GB\"><head>\
               <!-- <meta name=\"date\" content=\"1999-01-01\"> -->\
               <meta itemprop=\"datePublished\" content=\"2022-05-04T08:00:00Z\">\
               </head><body><p>It took 3 days.</p></body></html>";
    let d = Document::from_bytes("a.html", src.as_bytes(), None).unwrap();
    assert_eq!(d.format, Format::Html);
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2022-05-04"));
    assert_eq!(d.locale.as_deref(), Some("en-GB"));
}

#[test]
fn html_time_element_dates_an_article_without_meta() {
    let src = "<article><time datetime=\"2020-02-29\">29 Feb</time><p>Up 4%.</p></article>";
    let d = doc(src, Format::Html);
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2020-02-29"));
}

#[test]
fn html_block_elements_separate_sentences_and_inline_ones_do_not_join_words() {
    let d = doc(
        "<ul><li>12 ships</li><li>30 planes</li></ul><p>a <b>5</b>% rise</p>",
        Format::Html,
    );
    let a = d.scan.find("12 ships").unwrap();
    let b = d.scan.find("30 planes").unwrap();
    assert!(d.scan[a..b].contains('\n'), "{:?}", d.scan);
    assert!(d.scan.contains("a  5 % rise"), "{:?}", d.scan);
}

#[test]
fn html_crlf_line_ends_map_back() {
    let src = "<p>First 10 lines\r\nthen 20 more\r\n</p>";
    let d = doc(src, Format::Html);
    assert_eq!(scanned(&d, "20 more"), "20 more");
    assert_eq!(d.line_col(src.find("20").unwrap()), (2, 6));
}

#[test]
fn html_many_ampersands_without_semicolons_read_in_one_pass() {
    // 2 MB of "&" with no ";" anywhere: the old reader looked for a ';' after every '&'.
    let unit = "R&D &c 5 & ";
    let body = unit.repeat(2_000_000 / unit.len());
    let src = format!("<p>{body}</p>");
    let d = doc(&src, Format::Html);
    assert_eq!(d.scan.matches('&').count(), body.matches('&').count());
    let mid = d.scan.len() / 2;
    let at = mid + d.scan[mid..].find("R&D").unwrap();
    assert_eq!(source_of(&d, at, at + 3), "R&D");
}

#[test]
fn html_many_unclosed_tags_and_comments_read_in_one_pass() {
    // Each '<' starts a tag or a comment that never closes, and much else besides.
    let unit = "<a <!-- <b x=' <script <style &#x ";
    let src = unit.repeat(2_000_000 / unit.len());
    let d = doc(&src, Format::Html);
    assert!(d.scan.len() <= src.len());
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_code_of_every_kind_is_not_scanned() {
    let src = "Intro with 1 fact.\n\n    let indented = 21;\n\n```rust\nlet fenced = 22;\n```\n\n\
               ~~~~\n~~~ not the end 23\n~~~~\n\nA span ``with ` 24`` and `25` but 3 cats.\n\n\
               - item\n\n      nested_code(26);\n";
    let d = doc(src, Format::Markdown);
    for hidden in ["21", "22", "23", "24", "25", "26"] {
        assert!(!d.scan.contains(hidden), "{hidden} in {:?}", d.scan);
    }
    assert_eq!(scanned(&d, "3 cats"), "3 cats");
    assert_eq!(scanned(&d, "1 fact"), "1 fact");
}

#[test]
fn markdown_link_targets_and_definitions_are_not_scanned() {
    let src = "See [the 2 reports](https://example.org/2019/31 \"title 32\") and \
               ![a chart of 4 bars](img/33.png) or <https://example.org/34> and [ref][r].\n\n\
               [r]: https://example.org/35 \"36\"\n";
    let d = doc(src, Format::Markdown);
    for hidden in ["31", "32", "33", "34", "35", "36"] {
        assert!(!d.scan.contains(hidden), "{hidden} in {:?}", d.scan);
    }
    assert_eq!(scanned(&d, "the 2 reports"), "the 2 reports");
    assert_eq!(scanned(&d, "a chart of 4 bars"), "a chart of 4 bars");
}

#[test]
fn markdown_entities_and_escapes_are_read_as_displayed() {
    let src = "It cost &euro;5m, up 3&#37; \\*not emphasis\\*.\n";
    let d = doc(src, Format::Markdown);
    assert_eq!(scanned(&d, "€5m"), "&euro;5m");
    assert_eq!(scanned(&d, "3%"), "3&#37;");
}

#[test]
fn markdown_html_comments_are_not_scanned_and_html_blocks_are_read_as_html() {
    let src = "Before 1 <!-- 41 hidden --> after.\n\n<div class=\"x\">\n<p>Block with 42 &amp; more</p>\n</div>\n\nEnd.\n";
    let d = doc(src, Format::Markdown);
    assert!(!d.scan.contains("41"), "{:?}", d.scan);
    assert!(!d.scan.contains("class"), "{:?}", d.scan);
    assert_eq!(scanned(&d, "42 & more"), "42 &amp; more");
}

#[test]
fn markdown_yaml_front_matter_gives_date_and_language() {
    let src = "---\ntitle: \"A: colon\"\ndate: 2020-03-01\nlang: fr-FR\ntags: [a, b]\n---\nWe saw 5 cats.\n";
    let d = doc(src, Format::Markdown);
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2020-03-01"));
    assert_eq!(d.locale.as_deref(), Some("fr-FR"));
    assert!(!d.scan.contains("2020"));
    assert_eq!(scanned(&d, "5 cats"), "5 cats");
}

#[test]
fn markdown_toml_front_matter_gives_date_and_language() {
    let src = "+++\ntitle = \"Budget\"\ndate = 2021-07-09T10:00:00Z\nlang = \"en-US\"\n+++\nIt rose 6%.\n";
    let d = Document::from_bytes("a.md", src.as_bytes(), None).unwrap();
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2021-07-09"));
    assert_eq!(d.locale.as_deref(), Some("en-US"));
    assert!(!d.scan.contains("2021"));
    assert_eq!(scanned(&d, "6%"), "6%");
}

#[test]
fn markdown_nested_front_matter_keys_do_not_date_the_article() {
    let src = "---\nsource:\n  date: 1999-09-09\ndate: 2001-01-02\n---\nText 3.\n";
    let d = doc(src, Format::Markdown);
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2001-01-02"));
}

#[test]
fn markdown_adversarial_markup_reads_in_one_pass() {
    // unclosed links, emphasis runs, backtick runs of many lengths, unclosed inline HTML and
    // entities, deep quotes: 2 MB each, all still read (no time is asserted: see the bench)
    let units = [
        "[a 5](".to_string(),
        "**a 5 _b ".to_string(),
        (1..40).map(|n| format!("{} 5 ", "`".repeat(n))).collect(),
        "<a href='5 &amp 5 ".to_string(),
        format!("{} 5\n", ">".repeat(50)),
        "- [ ] 5\n  - 6\n    ".to_string(),
    ];
    for unit in units {
        let src = unit.repeat(2_000_000 / unit.len());
        let d = doc(&src, Format::Markdown);
        assert!(d.scan.contains('5'), "{unit:?}");
    }
    // nesting 100,000 deep on one line
    for open in ["> ", "- ", "[", "*", "<b>", "1. "] {
        let src = format!("{} 5 cats", open.repeat(100_000));
        let d = doc(&src, Format::Markdown);
        assert_eq!(
            source_of(&d, d.scan.len() - 6, d.scan.len()),
            "5 cats",
            "{open:?}"
        );
        let d = doc(&src, Format::Html);
        assert!(d.scan.ends_with("5 cats"), "{open:?}");
    }
}

// ---------------------------------------------------------------- input sniffing

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        let b = if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        };
        out.extend_from_slice(&b);
    }
    out
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let text = "Exports fell 4% to €3bn.\nLine two: 8 km.\n";
    for be in [false, true] {
        let d = Document::from_bytes("w.txt", &utf16(text, be), None).unwrap();
        assert_eq!(d.source, text);
        assert_eq!(scanned(&d, "8 km"), "8 km");
        assert_eq!(d.line_col(d.source.find("8 km").unwrap()), (2, 11));
    }
}

#[test]
fn utf8_byte_order_mark_does_not_shift_columns() {
    let src = "\u{feff}Sales 12% up.\nNext 3.";
    let d = Document::from_bytes("b.txt", src.as_bytes(), None).unwrap();
    assert_eq!(d.line_col(src.find("Sales").unwrap()), (1, 1));
    assert_eq!(d.line_col(src.find("12").unwrap()), (1, 7));
    assert_eq!(d.line_text(1), "Sales 12% up.");
    assert!(!d.scan.contains('\u{feff}'));
    assert_eq!(scanned(&d, "12%"), "12%");
}

#[test]
fn bad_input_is_named_with_line_and_offset() {
    match Document::from_bytes("x.txt", b"fine\nstill fine\n\xc3(", None) {
        Err(InputError::InvalidUtf8 { line, offset, .. }) => assert_eq!((line, offset), (3, 16)),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        Document::from_bytes("x.bin", b"PK\x03\x04\0\0", None),
        Err(InputError::Binary { offset: 4, .. })
    ));
    assert!(matches!(
        Document::from_bytes("x.txt", b"\n \t\r\n", None),
        Err(InputError::Empty { .. })
    ));
    assert!(matches!(
        Document::from_bytes("x.txt", b"", None),
        Err(InputError::Empty { .. })
    ));
}

// ---------------------------------------------------------------- lines and columns

#[test]
fn line_text_and_columns_on_crlf_and_wide_characters() {
    let src = "première ligne\r\nzweite: 5 €\r\n\r\nlast 9";
    let d = doc(src, Format::Text);
    assert_eq!(d.line_text(1), "première ligne");
    assert_eq!(d.line_text(2), "zweite: 5 €");
    assert_eq!(d.line_text(3), "");
    assert_eq!(d.line_text(4), "last 9");
    assert_eq!(d.line_text(5), "");
    assert_eq!(d.line_col(src.find('€').unwrap()), (2, 11));
    assert_eq!(d.line_col(src.find('9').unwrap()), (4, 6));
    assert_eq!(d.line_col(src.len()), (4, 7));
}

#[test]
fn columns_on_one_very_long_line_with_wide_characters() {
    // 4 MB on one line, with multi-byte characters all along it: every claim needs a column.
    let unit = "Le coût: 5 € — ";
    let src = unit.repeat(4_000_000 / unit.len());
    let d = doc(&src, Format::Text);
    let per = unit.chars().count();
    let n = src.len() / unit.len();
    for k in (0..n).step_by(97) {
        let at = k * unit.len() + unit.find('5').unwrap();
        assert_eq!(d.line_col(at), (1, k * per + 10));
    }
}

#[test]
fn line_text_on_many_lines() {
    let src: String = (0..200_000).map(|i| format!("line {i}\n")).collect();
    let d = doc(&src, Format::Text);
    for i in (0..200_000).step_by(13) {
        assert_eq!(d.line_text(i + 1), format!("line {i}"));
    }
}

// ---------------------------------------------------------------- invisible characters

#[test]
fn right_to_left_override_around_digits_is_not_read() {
    // displays as "50%" but is stored "%05"
    let src = "Turnout was \u{202E}%05\u{202C} this time.";
    let d = doc(src, Format::Text);
    let at = d.scan.find("was").unwrap() + 3;
    let end = d.scan.find(" this").unwrap();
    assert!(
        !d.scan[at..end].chars().any(|c| c.is_ascii_digit()),
        "{:?}",
        d.scan
    );
    let claims = claim_texts(&d);
    assert!(claims.is_empty(), "{claims:?}");
}

#[test]
fn direction_marks_between_digits_split_the_number() {
    // U+200F between digits can display them in another order: never read as one number
    for mark in ['\u{200f}', '\u{200e}', '\u{2067}', '\u{2069}', '\u{061c}'] {
        let src = format!("Profit was 1{mark}500 dollars.");
        let d = doc(&src, Format::Text);
        assert!(!d.scan.contains("1500"), "{:?}", d.scan);
        assert!(!d.scan.contains("1 500"), "{:?}", d.scan);
        let claims = claim_texts(&d);
        assert!(
            !claims.iter().any(|c| c.contains(mark)),
            "{mark:?}: {claims:?}"
        );
    }
}

#[test]
fn zero_width_characters_inside_a_number_read_as_displayed() {
    // a zero-width space is not displayed: "1\u{200B}500" shows as 1500
    let src = "Profit was 1\u{200b}500 dollars.";
    let d = doc(src, Format::Text);
    assert!(d.scan.contains("1500"), "{:?}", d.scan);
    assert_eq!(scanned(&d, "1500"), "1\u{200b}500");
}

#[test]
fn invisible_marks_are_exposed_and_touch_the_claims_next_to_them() {
    let src = "Exports rose 4\u{200b}0% and imports 7\u{200f}% while \u{2067}3 000\u{2069} left.";
    let d = doc(src, Format::Text);
    let kinds: Vec<InvisibleKind> = d.invisible_marks().iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        [
            InvisibleKind::ZeroWidth,
            InvisibleKind::DirectionMark,
            InvisibleKind::Embedding
        ]
    );
    let run = &d.invisible_marks()[2];
    assert_eq!(&src[run.span.clone()], "\u{2067}3 000\u{2069}");
    let claims = extract_claims(&d, Lexicon::embedded(), &Tolerances::default());
    let forty = claims
        .iter()
        .find(|c| c.text.contains("4"))
        .expect("a claim on 40%");
    assert_eq!(
        d.invisible_marks_near(forty.span.start..forty.span.end)
            .len(),
        1
    );
    let left = claims.iter().find(|c| c.text.contains("000"));
    if let Some(c) = left {
        assert_eq!(d.invisible_marks_near(c.span.start..c.span.end).len(), 1);
    }
    assert!(d.invisible_marks_near(0..7).is_empty());
}

#[test]
fn entity_written_controls_are_marks_too() {
    let src = "<p>Up &#x202E;%05&#x202C; today, 9&zwj;0 and 1&rlm;2.</p>";
    let d = doc(src, Format::Html);
    assert_eq!(d.invisible_marks().len(), 3, "{:?}", d.invisible_marks());
    assert_eq!(d.invisible_marks()[0].kind, InvisibleKind::Reversed);
    assert!(!d.scan.contains("05"), "{:?}", d.scan);
    assert!(d.scan.contains("90"), "{:?}", d.scan);
    assert!(!d.scan.contains("12"), "{:?}", d.scan);
    assert_eq!(d.warnings().len(), 1);
    assert_eq!(d.warnings()[0].line, 1);
}

#[test]
fn override_in_a_markdown_paragraph_runs_across_soft_line_breaks() {
    // in a rendered paragraph the line break is a space: the override still holds
    let src = "Turnout: \u{202E}\n%05 of voters.\n\nNext paragraph: 8 cats.\n";
    let d = doc(src, Format::Markdown);
    assert!(!d.scan.contains("05"), "{:?}", d.scan);
    assert!(d.scan.contains("8 cats"), "{:?}", d.scan);
}

#[test]
fn unclosed_front_matter_warns_with_its_line_and_body_is_read() {
    let src = "---\ntitle: Budget\ndate: 2022-03-04\n\nThe plan costs $40m.\n";
    let d = Document::from_bytes("post.md", src.as_bytes(), None).unwrap();
    assert_eq!(d.date, None);
    assert_eq!(d.warnings().len(), 1);
    let w = d.warnings()[0].to_string();
    assert!(w.starts_with("post.md: line 1: "), "{w}");
    assert!(w.contains("never closes"), "{w}");
    let claims = claim_texts(&d);
    assert!(claims.iter().any(|c| c == "$40m"), "{claims:?}");
}

#[test]
fn front_matter_after_a_byte_order_mark_is_read() {
    let src = "\u{feff}---\ndate: 2022-03-04\n---\nIt rose 3%.\n";
    let d = doc(src, Format::Markdown);
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2022-03-04"));
    assert!(d.warnings().is_empty());
    assert_eq!(d.line_col(src.find("It").unwrap()), (4, 1));
}

#[test]
fn bad_front_matter_date_warns_at_its_line() {
    let src = "---\ntitle: x\ndate: 2021-13-45\n---\nText 5.\n";
    let d = doc(src, Format::Markdown);
    assert_eq!(d.date, None);
    assert_eq!(d.warnings().len(), 1);
    assert_eq!(d.warnings()[0].line, 3);
}

// ---------------------------------------------------------------- properties

/// Text with markup, entities, invisible characters and line ends mixed in.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[a-z0-9 .,%$£€]{1,12}",
        1 => prop::sample::select(&[
            "<p>", "</p>", "<b>", "<", ">", "&", "&amp;", "&#x202E;", "&euro", "&pound5", "&#",
            "<!--", "-->", "<script>", "</script>", "---\n", "+++\n", "date: 2020-01-01\n",
            "```\n", "`", "[", "](", ")", "\\", "*", "|", "\n", "\r\n", "-\n", "\u{feff}",
            "\u{200b}", "\u{200f}", "\u{202e}", "\u{202c}", "\u{2067}", "\u{2069}", "\u{ad}",
            "é", "😀",
        ][..]).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..64).prop_map(|p| p.concat())
}

fn any_format() -> impl Strategy<Value = Format> {
    prop::sample::select(&[Format::Text, Format::Markdown, Format::Html][..])
}

/// The map from scan to source is monotone, in bounds and lands on char boundaries; marks are
/// sorted, disjoint and in bounds; warnings name existing lines.
fn check_maps(d: &Document) -> Result<(), TestCaseError> {
    let mut last = 0;
    for i in (0..=d.scan.len()).filter(|&i| d.scan.is_char_boundary(i)) {
        let o = d.to_source(i);
        prop_assert!(o <= d.source.len());
        prop_assert!(d.source.is_char_boundary(o), "scan {i} -> source {o}");
        prop_assert!(o >= last, "scan {i} -> {o} after {last}");
        last = o;
    }
    let mut end = 0;
    for m in d.invisible_marks() {
        prop_assert!(m.span.start >= end && m.span.start <= m.span.end);
        prop_assert!(m.span.end <= d.source.len());
        end = m.span.end;
    }
    let lines = d.source.matches('\n').count() + 1;
    for w in d.warnings() {
        prop_assert!(w.line >= 1 && w.line <= lines, "{w}");
    }
    for off in (0..=d.source.len()).step_by(7) {
        let (line, col) = d.line_col(off);
        prop_assert!(line >= 1 && line <= lines && col >= 1);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn readers_never_panic_and_map_into_char_boundaries(s in any::<String>(), f in any_format()) {
        check_maps(&doc(&s, f))?;
    }

    #[test]
    fn readers_on_hostile_text(s in hostile_text(), f in any_format()) {
        check_maps(&doc(&s, f))?;
    }

    #[test]
    fn digits_read_together_display_together(s in "([0-9]{1,3}[\u{200b}\u{200e}\u{200f}\u{61c}\u{202a}-\u{202e}\u{2066}-\u{2069} ]?){1,12}") {
        // two digits side by side in the scan text: between them in the source, at most
        // characters that are never displayed (class BN), which reorder nothing
        let d = doc(&s, Format::Text);
        let scan: Vec<(usize, char)> = d.scan.char_indices().collect();
        for w in scan.windows(2) {
            let ((i, a), (j, b)) = (w[0], w[1]);
            if a.is_ascii_digit() && b.is_ascii_digit() {
                let between = &d.source[d.to_source(i) + 1..d.to_source(j)];
                prop_assert!(
                    between.chars().all(|c| matches!(c, '\u{200b}')),
                    "{between:?} between {a} and {b} in {s:?}"
                );
            }
        }
    }

    #[test]
    fn plain_paragraphs_map_back_exactly_in_every_format(t in "[A-Za-z][A-Za-z0-9 ,.%$]{0,60}") {
        let t = t.trim_end().to_string();
        for (src, f) in [
            (t.clone(), Format::Text),
            (format!("{t}\n"), Format::Markdown),
            (format!("<p>{t}</p>"), Format::Html),
        ] {
            let d = doc(&src, f);
            let at = d.scan.find(t.as_str());
            prop_assert!(at.is_some(), "{f:?}: {t:?} not in {:?}", d.scan);
            let at = at.unwrap_or_default();
            prop_assert_eq!(source_of(&d, at, at + t.len()), t.as_str());
        }
    }

    #[test]
    fn utf16_decodes_to_the_text(t in "[^\u{0}\u{feff}]{1,80}", be in any::<bool>()) {
        prop_assume!(!t.bytes().all(|b| b.is_ascii_whitespace()));
        let d = Document::from_bytes("w.txt", &utf16(&t, be), Some(Format::Text)).unwrap();
        prop_assert_eq!(d.source, t);
    }
}
