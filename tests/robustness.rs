//! Robustness: extraction, checking and document reading never panic, whatever the input, and
//! every claim points at the exact source text it was read from.
//!
//! Property tests run over arbitrary strings and over strings biased towards the way news copy
//! writes numbers; a corpus test runs every article of `../shared/corpus/` through extract and
//! check (ignored unless asked for with `--include-ignored`, and then failing if the corpus is
//! missing). Speed is measured by the benchmarks, never here.

use std::sync::OnceLock;

use numcheck::check::{CheckOptions, Checker};
use numcheck::reference::ReferenceSet;
use numcheck::report::{self, CheckRun, Extracted, OutputFormat, RenderOptions};
use numcheck::{Claim, Document, Format, InputError, Lexicon, Tolerances, extract_claims};
use proptest::prelude::*;

/// The corpus of real news, relative to the crate root.
const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/bbc_news_2004_2005.jsonl"
);

fn reference() -> &'static ReferenceSet {
    static SET: OnceLock<ReferenceSet> = OnceLock::new();
    SET.get_or_init(|| {
        ReferenceSet::embedded(Lexicon::embedded()).expect("shipped reference loads")
    })
}

fn checker() -> Checker<'static> {
    Checker::new(Lexicon::embedded(), reference(), CheckOptions::default())
}

/// Every claim's span (and sentence span) lies in the source, on char boundaries, and the
/// claim's text is the source text of its span.
fn assert_claims_point_into_source(doc: &Document, claims: &[Claim]) -> Result<(), String> {
    let src = &doc.source;
    for (i, c) in claims.iter().enumerate() {
        let what = || format!("{}: claim {i} {:?} span {:?}", doc.name, c.text, c.span);
        if c.span.start > c.span.end || c.span.end > src.len() {
            return Err(format!(
                "{}: span outside source of {} bytes",
                what(),
                src.len()
            ));
        }
        if !src.is_char_boundary(c.span.start) || !src.is_char_boundary(c.span.end) {
            return Err(format!("{}: span not on char boundaries", what()));
        }
        if src[c.span.start..c.span.end] != c.text {
            return Err(format!(
                "{}: source text of span is {:?}",
                what(),
                &src[c.span.start..c.span.end]
            ));
        }
        let s = c.sentence;
        if s.start > s.end
            || s.end > src.len()
            || !src.is_char_boundary(s.start)
            || !src.is_char_boundary(s.end)
        {
            return Err(format!("{}: bad sentence span {s:?}", what()));
        }
        if c.line == 0 || c.column == 0 {
            return Err(format!("{}: line/column {}:{}", what(), c.line, c.column));
        }
    }
    Ok(())
}

/// Extracts, checks and renders one document (as stream mode does), checking the invariants.
fn run_all(doc: &Document) -> Result<(), String> {
    let lex = Lexicon::embedded();
    let claims = extract_claims(doc, lex, &Tolerances::default());
    assert_claims_point_into_source(doc, &claims)?;
    let lines = report::renderer(OutputFormat::Jsonl, lex, RenderOptions::default());
    lines.extract_document(
        &Extracted {
            doc,
            claims: &claims,
        },
        None,
    );
    let r = numcheck::check_document(&checker(), doc);
    assert_claims_point_into_source(doc, &r.claims)?;
    if r.verdicts.len() != r.claims.len() {
        return Err(format!(
            "{}: {} verdicts for {} claims",
            doc.name,
            r.verdicts.len(),
            r.claims.len()
        ));
    }
    if let Some(v) = r.verdicts.iter().find(|v| v.claim >= r.claims.len()) {
        return Err(format!(
            "{}: verdict for claim {} of {}",
            doc.name,
            v.claim,
            r.claims.len()
        ));
    }
    lines.check_document(&r, None);
    let files = std::slice::from_ref(&r);
    for format in OutputFormat::ALL {
        report::renderer(format, lex, RenderOptions::default()).check(&CheckRun::new(files, &[]));
    }
    Ok(())
}

/// Pieces of news copy around numbers: digits in many shapes, separators, currency signs,
/// percentages, number words, qualifiers, units, names with digits, dates, and unicode.
const NEWS_TOKENS: &[&str] = &[
    "$",
    "£",
    "€",
    "¥",
    "US$",
    "A$",
    "Rs",
    "%",
    "per cent",
    "percent",
    "percentage points",
    "bn",
    "m",
    "k",
    "tn",
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred",
    "hundreds of thousands",
    "tens of",
    "one",
    "two",
    "three",
    "twenty-five",
    "a dozen",
    "dozens",
    "half a million",
    "a third",
    "half",
    "quarter",
    "two-thirds",
    "between",
    "and",
    "to",
    "from",
    "-",
    "–",
    "—",
    "/",
    "about",
    "some",
    "around",
    "nearly",
    "almost",
    "more than",
    "over",
    "at least",
    "up to",
    "as many as",
    "fewer than",
    "less than",
    "troops",
    "fighters",
    "people",
    "refugees",
    "countries",
    "euros",
    "dollars",
    "pounds",
    "km",
    "miles",
    "metres",
    "feet",
    "kg",
    "tonnes",
    "mph",
    "km/h",
    "°C",
    "years",
    "decade-long",
    "doubled",
    "three times",
    "rose",
    "fell",
    "(",
    ")",
    "[",
    "\"",
    "'",
    "’s",
    "first",
    "2nd",
    "21st",
    "G20",
    "Covid-19",
    "F-16",
    "Boeing 747",
    "2004",
    "1990s",
    "'90s",
    "10:30",
    "3-1",
    "1.",
    "No.",
    "Jan",
    "March 5",
    "5 March 2021",
    "+44 20 7946 0000",
    "e",
    "E",
    "é",
    "ü",
    "ß",
    "١٢٣",
    "٣",
    "٫",
    "½",
    "¾",
    "²",
    "⅓",
    "Ⅻ",
    "\u{a0}",
    "\u{2009}",
    "\u{202f}",
    "\u{200b}",
    "\u{feff}",
    "\u{301}",
    "🙂",
    "👍🏽",
    "\r\n",
    "\t",
    "numcheck:ignore",
    "last year",
    "France",
    "Germany",
    "population",
    "GDP",
    "inhabitants",
    "of",
    "the",
    "in",
    "a",
    ".",
    ",",
    ";",
    ":",
    "?",
    "!",
    "…",
    "0.",
    ".5",
    "1e9",
    "0x1F",
    "-5",
    "−5",
    "+3",
    "1,2,3",
    "1..2",
    "9.9.9",
];

fn news_token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(NEWS_TOKENS).prop_map(str::to_string),
        2 => "[0-9]{1,4}",
        2 => "[0-9]{1,3}(,[0-9]{3}){0,4}(\\.[0-9]{1,3})?",
        1 => "[0-9]{1,3}( [0-9]{3}){1,3}",
        1 => "[0-9]{1,3}(\\.[0-9]{3}){1,3}(,[0-9]{1,2})?",
        1 => "[0-9]{25,60}(\\.[0-9]{1,40})?",
        1 => "0\\.[0-9]{20,40}",
        1 => "[0-9]{1,3}(\\.[0-9])?(bn|m|k|%|st|nd|th)",
        1 => any::<char>().prop_map(String::from),
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(&[" ", " ", " ", "", "\n", "\n\n", "-", "\u{a0}", ",", ". "][..])
}

/// News-like text: tokens joined by spaces, hyphens, newlines and nothing.
fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec((news_token(), separator()), 0..48).prop_map(|parts| {
        let mut s = String::new();
        for (tok, sep) in parts {
            s.push_str(&tok);
            s.push_str(sep);
        }
        s
    })
}

/// Markup pieces for HTML and Markdown documents.
const MARKUP_TOKENS: &[&str] = &[
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<br>",
    "<br/>",
    "<a href=\"x\">",
    "</a>",
    "<script>var x = 5;</script>",
    "<style>p{}</style>",
    "<!--",
    "-->",
    "<!-- 12 -->",
    "<",
    ">",
    "&amp;",
    "&#36;",
    "&#x24;",
    "&pound;",
    "&euro;",
    "&nbsp;",
    "&#8201;",
    "&#x1F600;",
    "&#99999999;",
    "&#0;",
    "&#xD800;",
    "&",
    "&;",
    "&#;",
    "&bogus;",
    "<meta name=\"date\" content=\"2021-10-20\">",
    "<meta property=\"article:published_time\" content=\"2023-06-15T09:00Z\">",
    "---\n",
    "date: 2021-10-20\n",
    "date: 2021-02-30\n",
    "date: '2023-06-15'\n",
    "# ",
    "## ",
    "**",
    "*",
    "_",
    "`",
    "```\n",
    "[",
    "](http://example.com/1)",
    "> ",
    "- ",
    "1. ",
    "| 5 | 6 |\n",
    "\\",
    "¬",
];

fn markup_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            2 => prop::sample::select(MARKUP_TOKENS).prop_map(str::to_string),
            3 => news_token(),
            1 => separator().prop_map(str::to_string),
        ],
        0..48,
    )
    .prop_map(|parts| parts.concat())
}

fn format() -> impl Strategy<Value = Format> {
    prop::sample::select(&[Format::Text, Format::Markdown, Format::Html][..])
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// Bytes that are not valid UTF-8 on their own, to splice into valid text.
const BAD_UTF8: &[&[u8]] = &[
    b"\x80",
    b"\xbf",
    b"\xc3",
    b"\xc0\xaf",
    b"\xe2\x82",
    b"\xed\xa0\x80",
    b"\xf0\x9f\x99",
    b"\xf4\x90\x80\x80",
    b"\xfe",
    b"\xff",
];

proptest! {
    // 256 cases each unless PROPTEST_CASES says otherwise; failures are reported, not saved.
    #![proptest_config(ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>(), fmt in format()) {
        let doc = Document::from_text("prop", s, fmt);
        run_all(&doc).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn news_like_text_never_panics(s in news_text(), fmt in format()) {
        let doc = Document::from_text("prop", s, fmt);
        run_all(&doc).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn markup_never_panics(s in markup_text(), fmt in format()) {
        let doc = Document::from_text("prop", s, fmt);
        run_all(&doc).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        check_from_bytes(&bytes)?;
    }

    #[test]
    fn invalid_utf8_names_the_byte_offset(
        text in news_text(),
        at in any::<prop::sample::Index>(),
        bad in prop::sample::select(BAD_UTF8),
    ) {
        // Splice the bad bytes in at a char boundary of otherwise valid text.
        let cut = {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            bounds[at.index(bounds.len())]
        };
        let mut bytes = text.as_bytes()[..cut].to_vec();
        bytes.extend_from_slice(bad);
        bytes.extend_from_slice(&text.as_bytes()[cut..]);
        check_from_bytes(&bytes)?;
        if !bytes.contains(&0) {
            prop_assert!(Document::from_bytes("bad.txt", &bytes, None).is_err());
        }
    }
}

/// `Document::from_bytes` refuses empty, binary and non-UTF-8 input with the right error, and
/// otherwise reads the text unchanged. (Input with a UTF-16 byte order mark is decoded instead:
/// `tests/documents.rs` covers it.)
fn check_from_bytes(bytes: &[u8]) -> Result<(), TestCaseError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Ok(());
    }
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    for fmt in [
        None,
        Some(Format::Text),
        Some(Format::Markdown),
        Some(Format::Html),
    ] {
        let res = Document::from_bytes("in.txt", bytes, fmt);
        if body.iter().all(u8::is_ascii_whitespace) {
            prop_assert!(matches!(res, Err(InputError::Empty { .. })), "{res:?}");
            continue;
        }
        if let Some(nul) = bytes.iter().position(|&b| b == 0) {
            match &res {
                Err(InputError::Binary { offset, .. }) => prop_assert_eq!(*offset, nul),
                other => prop_assert!(false, "NUL at {nul}: {other:?}"),
            }
            continue;
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                let doc =
                    res.map_err(|e| TestCaseError::fail(format!("valid UTF-8 refused: {e}")))?;
                prop_assert_eq!(&doc.source, text);
                run_all(&doc).map_err(TestCaseError::fail)?;
            }
            Err(e) => {
                let want = e.valid_up_to();
                let want_line = bytes[..want].iter().filter(|&&b| b == b'\n').count() + 1;
                match &res {
                    Err(err @ InputError::InvalidUtf8 { offset, line, .. }) => {
                        prop_assert_eq!(*offset, want);
                        prop_assert_eq!(*line, want_line);
                        let msg = err.to_string();
                        prop_assert!(msg.contains(&format!("byte offset {want}")), "{msg}");
                        prop_assert!(msg.contains("in.txt"), "{msg}");
                    }
                    other => prop_assert!(false, "invalid UTF-8 at {want}: {other:?}"),
                }
            }
        }
    }
    Ok(())
}

/// Inputs that have broken number parsers elsewhere: each must go through without a panic.
#[test]
fn edge_cases_never_panic() {
    let long_digits = "9".repeat(500);
    let long_fraction = format!("0.{}", "1".repeat(300));
    let many_commas = format!("1{}", ",000".repeat(200));
    let deep = "(".repeat(2000) + "5 million" + &")".repeat(2000);
    // Many claims in one document; and many in one long "sentence" (no capital after the full
    // stop), kept short because extraction is quadratic in sentence length.
    let repeated = "More than 14,000 troops and about $1.2bn. ".repeat(300);
    let one_sentence = "more than 14,000 troops and about $1.2bn. ".repeat(30);
    let cases: Vec<String> = vec![
        String::new(),
        " ".into(),
        "\n".into(),
        "5".into(),
        "$".into(),
        "%".into(),
        "-".into(),
        "1.2bn".into(),
        "£".into(),
        "€5".into(),
        "5 - 7 million".into(),
        "between 5 and".into(),
        "from 10 to".into(),
        "half a".into(),
        "a third of".into(),
        "hundreds of thousands".into(),
        long_digits.clone(),
        format!("${long_digits}bn"),
        format!("{long_digits} per cent"),
        format!("{long_digits} trillion trillion"),
        format!("between 1 and {long_digits} million"),
        long_fraction,
        many_commas,
        deep,
        repeated,
        one_sentence,
        // found by proptest (HTML: a non-breaking space after a stray '<')
        "<br/>\u{a0} <\u{a0}".into(),
        "< aA\u{1cf00}\u{113c7}".into(),
        // found by proptest: "x 10" notation at the end of the text; products past Decimal
        "0x".into(),
        "5 ×".into(),
        "2.5 x 10".into(),
        "1000000000000000000000000000 793000000000000000000000000 ".into(),
        // found by proptest: the relative gap of a huge figure, in percent, past Decimal
        "troops 20000000000000000000000000000 years ".into(),
        "10 km (79228162514264337593543950335 miles)".into(),
        "800000000000000000000000000 1000000000000000000000000000 troops $ ".into(),
        "79228162514264337593543950335 billion".into(),
        "79,228,162,514,264,337,593,543,950,336".into(),
        "0.0000000000000000000000000001%".into(),
        "1e308 km".into(),
        "٣٫٥ million".into(),
        "１２,０００ troops".into(),
        "½ million".into(),
        "€1.2bn ($1.3bn)".into(),
        "10 km (6 miles) and 330 metres (1,083 feet)".into(),
        "one billion euros ($1.2 billion) in 2021".into(),
        "5\u{301}0 people".into(),
        "\u{feff}14,000 troops".into(),
        "14,000-".into(),
        "-14,000".into(),
        "14,000,".into(),
        ".14".into(),
        "14.".into(),
        "1.2.3.4 million".into(),
    ];
    // Every case is tried, and all that fail are listed together.
    let mut failures = Vec::new();
    for (i, text) in cases.into_iter().enumerate() {
        for fmt in [Format::Text, Format::Markdown, Format::Html] {
            let doc = Document::from_text(&format!("edge-{i}"), text.clone(), fmt);
            let shown: String = text.chars().take(80).collect();
            match std::panic::catch_unwind(|| run_all(&doc)) {
                Ok(Ok(())) => {}
                Ok(Err(e)) => failures.push(format!("{fmt:?} {shown:?}: {e}")),
                Err(p) => {
                    let msg = p
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    failures.push(format!("{fmt:?} {shown:?}: panicked: {msg}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every article of the real news corpus goes through extract and check without a panic or an
/// error, and every claim points at its source text.
#[test]
#[ignore = "needs ../shared: run with --include-ignored"]
fn bbc_corpus_goes_through() {
    let data = std::fs::read_to_string(CORPUS).unwrap_or_else(|e| {
        panic!(
            "{CORPUS} is not readable ({e}): this test needs the shared data beside the \
             repository (../shared)"
        )
    });
    let mut articles = 0;
    let mut claims = 0;
    let mut failures = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("corpus line {}: {e}", n + 1));
        let id = v["id"].as_str().unwrap_or("?");
        let text = v["text"]
            .as_str()
            .unwrap_or_else(|| panic!("corpus line {}: no text", n + 1));
        articles += 1;
        let doc = match Document::from_bytes(id, text.as_bytes(), Some(Format::Text)) {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{id}: {e}"));
                continue;
            }
        };
        claims += extract_claims(&doc, Lexicon::embedded(), &Tolerances::default()).len();
        if let Err(e) = run_all(&doc) {
            failures.push(e);
        }
    }
    eprintln!("bbc_corpus_goes_through: {articles} articles, {claims} claims");
    assert!(articles > 2000, "only {articles} articles read");
    assert!(
        failures.is_empty(),
        "{} of {articles} articles failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
