//! What the extractor reads in sentences of each claim form: one fixture file a form under
//! `tests/fixtures/extract/`, one sentence (one article) a line, and a JSON snapshot of the
//! claims of each (reviewed by hand when accepted). A line "@en-AU text" is an article in that
//! locale; lines starting with '#' are comments.

use std::path::Path;

use numcheck::{Document, Format, Lexicon, Tolerances, extract_claims};
use serde_json::{Value, json};

/// Every sentence of a fixture file with the claims read in it.
fn read_fixture(form: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract")
        .join(format!("{form}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let lex = Lexicon::embedded();
    let sentences: Vec<Value> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let (locale, sentence) = match line.strip_prefix('@') {
                Some(rest) => {
                    let (l, s) = rest.split_once(' ').expect("@locale then the sentence");
                    (Some(l.to_string()), s)
                }
                None => (None, line),
            };
            let mut doc = Document::from_text(form, sentence.to_string(), Format::Text);
            doc.locale = locale.clone();
            let claims: Vec<Value> = extract_claims(&doc, lex, &Tolerances::default())
                .iter()
                .map(|c| claim_json(c, lex))
                .collect();
            json!({ "sentence": line, "claims": claims })
        })
        .collect();
    Value::Array(sentences)
}

/// What a claim states, the fields of the extractor's reading that are set.
fn claim_json(c: &numcheck::Claim, lex: &Lexicon) -> Value {
    let r = &c.reading;
    let dec = |d: rust_decimal::Decimal| d.normalize().to_string();
    let mut o = json!({
        "text": c.text,
        "kind": r.kind.as_str(),
        "value": r.value.map(dec),
        "precision": dec(r.precision),
    });
    let extra = [
        ("high", r.value_high.map(dec)),
        (
            "qualifier",
            Some(r.qualifier.as_str().to_string()).filter(|q| q != "exact"),
        ),
        ("unit", r.unit.map(|u| lex.unit(u).code.clone())),
        ("counted", r.counted.clone()),
        ("per", r.per.clone()),
        (
            "direction",
            r.direction.map(|d| format!("{d:?}").to_lowercase()),
        ),
        ("note", r.unit_note.clone()),
        ("vague", r.vague.then(|| "yes".to_string())),
        ("problem", r.problem.clone()),
    ];
    for (key, v) in extra {
        if let Some(v) = v {
            o[key] = Value::String(v);
        }
    }
    o
}

macro_rules! forms {
    ($($form:ident),* $(,)?) => {
        $(
            #[test]
            fn $form() {
                insta::assert_json_snapshot!(stringify!($form), read_fixture(stringify!($form)));
            }
        )*
    };
}

forms!(
    numbers, money, units, percent, ranges, qualifiers, counted, ages, durations, rates, changes,
    inherit, not_claims, locales,
);
