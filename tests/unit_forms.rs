//! How much of CQE's unit vocabulary (`../shared/eval/cqe_unit.json`) numcheck reads: every
//! name and every symbol of two or more characters of CQE's units in the dimensions news
//! quotes, written after "12" in a plain sentence, must be read as a claim with a unit of the
//! right dimension. Ignored unless asked for with `--include-ignored`; then it fails when the
//! shared data is missing.

use std::path::Path;

use numcheck::{Document, Format, Lexicon, Tolerances, extract_claims};
use serde_json::Value;

/// CQE's dimension (its `entity`) -> numcheck's, for the dimensions news quotes.
const NEWS_DIMENSIONS: &[(&str, &str)] = &[
    ("length", "length"),
    ("area", "area"),
    ("volume", "volume"),
    ("mass", "mass"),
    ("time", "time"),
    ("temperature", "temperature"),
    ("speed", "speed"),
];

/// The share of forms read today; the bar is 0.85 (see the note in `reference/README.md`
/// on what is left). The test fails if a change reads fewer.
const FLOOR: f64 = 0.75;

fn cqe_units() -> Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/cqe_unit.json");
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| {
        panic!(
            "{} is missing ({e}): this test needs the shared data beside the repository (../shared)",
            p.display()
        )
    });
    serde_json::from_str(&text).expect("cqe_unit.json is JSON")
}

#[test]
#[ignore = "needs ../shared: run with --include-ignored"]
fn cqe_unit_forms_in_news_dimensions_are_read() {
    let units = cqe_units();
    let lex = Lexicon::embedded();
    let mut forms: Vec<(String, &str)> = Vec::new();
    for unit in units.as_object().expect("an object of units").values() {
        let entity = unit["entity"].as_str().unwrap_or("");
        let Some(&(_, dim)) = NEWS_DIMENSIONS.iter().find(|(e, _)| *e == entity) else {
            continue;
        };
        let list = |k: &str| -> Vec<String> {
            unit[k]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut own: Vec<String> = list("surfaces");
        own.extend(
            list("symbols")
                .into_iter()
                .filter(|s| s.chars().count() >= 2),
        );
        own.sort();
        own.dedup();
        forms.extend(own.into_iter().map(|f| (f, dim)));
    }
    assert!(
        forms.len() > 900,
        "{} forms: is cqe_unit.json whole?",
        forms.len()
    );
    let mut missed = Vec::new();
    for (form, dim) in &forms {
        let text = format!("The figure was 12 {form} in total.");
        let doc = Document::from_text("unit-forms", text, Format::Text);
        let read = extract_claims(&doc, lex, &Tolerances::default())
            .iter()
            .any(|c| {
                c.text.starts_with("12")
                    && c.reading
                        .unit
                        .is_some_and(|u| lex.unit(u).dimension == *dim)
            });
        if !read {
            missed.push(form.as_str());
        }
    }
    let share = 1.0 - missed.len() as f64 / forms.len() as f64;
    eprintln!(
        "CQE unit forms read with a unit of the right dimension: {:.1}% of {}",
        100.0 * share,
        forms.len()
    );
    assert!(
        share >= FLOOR,
        "{:.1}% of {} CQE unit forms read (floor {:.0}%); missed: {:?}",
        100.0 * share,
        forms.len(),
        100.0 * FLOOR,
        missed
    );
}
