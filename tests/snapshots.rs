//! Snapshots of the reports editors read (reviewed by hand when accepted).

use std::path::Path;

use numcheck::check::{CheckOptions, Checker};
use numcheck::reference::ReferenceSet;
use numcheck::report::{self, RenderOptions};
use numcheck::{Document, Lexicon};

fn example_report(render: impl Fn(&[numcheck::check::FileReport], &Lexicon) -> String) -> String {
    let lex = Lexicon::embedded();
    let reference = ReferenceSet::embedded(lex).unwrap();
    let checker = Checker::new(lex, &reference, CheckOptions::default());
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/europe-briefing.md");
    let bytes = std::fs::read(&path).unwrap();
    let doc = Document::from_bytes("examples/europe-briefing.md", &bytes, None).unwrap();
    let r = numcheck::check_document(&checker, &doc);
    render(&[r], lex)
}

#[test]
fn text_report_of_the_example() {
    insta::assert_snapshot!(example_report(|r, lex| report::check_text(
        r,
        lex,
        RenderOptions::default()
    )));
}

#[test]
fn markdown_report_of_the_example() {
    insta::assert_snapshot!(example_report(report::check_markdown));
}
