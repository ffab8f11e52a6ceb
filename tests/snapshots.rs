//! Snapshots of every report format on the example article (reviewed by hand when accepted):
//! the six `check` formats and the three `extract` formats.

use std::path::Path;

use numcheck::check::{CheckOptions, Checker};
use numcheck::reference::ReferenceSet;
use numcheck::report::{self, CheckRun, ExtractRun, Extracted, OutputFormat, RenderOptions};
use numcheck::{Document, Lexicon};

fn example() -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/europe-briefing.md");
    let bytes = std::fs::read(&path).unwrap();
    Document::from_bytes("examples/europe-briefing.md", &bytes, None).unwrap()
}

/// The `check` report of the example in `format`, with one unreadable input beside it.
fn check_report(format: OutputFormat) -> String {
    let lex = Lexicon::embedded();
    let reference = ReferenceSet::embedded(lex).unwrap();
    let checker = Checker::new(lex, &reference, CheckOptions::default());
    let doc = example();
    let files = [numcheck::check_document(&checker, &doc)];
    let unreadable =
        ["missing.md: cannot read: No such file or directory (os error 2)".to_string()];
    report::renderer(format, lex, RenderOptions::default())
        .check(&CheckRun::new(&files, &unreadable))
}

/// The `extract` report of the example in `format`.
fn extract_report(format: OutputFormat) -> String {
    let lex = Lexicon::embedded();
    let doc = example();
    let claims = numcheck::extract_claims(&doc, lex, &Default::default());
    let files = [Extracted {
        doc: &doc,
        claims: &claims,
    }];
    report::renderer(format, lex, RenderOptions::default())
        .extract(&ExtractRun::new(&files, &[]))
        .expect("the format lists claims")
}

#[test]
fn text_report_of_the_example() {
    insta::assert_snapshot!(check_report(OutputFormat::Text));
}

#[test]
fn markdown_report_of_the_example() {
    insta::assert_snapshot!(check_report(OutputFormat::Markdown));
}

#[test]
fn json_report_of_the_example() {
    insta::assert_snapshot!(check_report(OutputFormat::Json));
}

#[test]
fn jsonl_report_of_the_example() {
    insta::assert_snapshot!(check_report(OutputFormat::Jsonl));
}

#[test]
fn sarif_report_of_the_example() {
    insta::assert_snapshot!(check_report(OutputFormat::Sarif));
}

#[test]
fn html_report_of_the_example() {
    insta::assert_snapshot!(check_report(OutputFormat::Html));
}

#[test]
fn extract_text_of_the_example() {
    insta::assert_snapshot!(extract_report(OutputFormat::Text));
}

#[test]
fn extract_json_of_the_example() {
    insta::assert_snapshot!(extract_report(OutputFormat::Json));
}

#[test]
fn extract_jsonl_of_the_example() {
    insta::assert_snapshot!(extract_report(OutputFormat::Jsonl));
}

#[test]
fn formats_that_do_not_list_claims_say_so() {
    let lex = Lexicon::embedded();
    for format in OutputFormat::ALL {
        let listed = report::renderer(format, lex, RenderOptions::default())
            .extract(&ExtractRun::new(&[], &[]))
            .is_some();
        assert_eq!(listed, format.lists_claims(), "{format:?}");
    }
}
