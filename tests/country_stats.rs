//! Country statistics work generically: sentences written for this test about many countries
//! and years, right and wrong, each with the verdict a fact-checker would give.

use numcheck::check::{CheckOptions, Checker, VerdictKind};
use numcheck::reference::ReferenceSet;
use numcheck::{Date, Document, Format, Lexicon};

fn verdict_of(text: &str, date: &str) -> (VerdictKind, String) {
    let lex = Lexicon::embedded();
    let reference = ReferenceSet::embedded(lex).unwrap();
    let checker = Checker::new(lex, &reference, CheckOptions::default());
    let mut doc = Document::from_text("t.txt", text.to_string(), Format::Text);
    doc.date = Date::parse(date);
    let r = numcheck::check_document(&checker, &doc);
    assert_eq!(
        r.verdicts.len(),
        1,
        "{text}: {:?}",
        r.claims.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
    let v = &r.verdicts[0];
    let prose = numcheck::report::explain(&r, v, lex);
    (
        v.kind,
        format!("{} | {}", prose.summary, prose.explanation.join(" | ")),
    )
}

#[test]
fn population_gdp_and_area_by_country_and_year() {
    use VerdictKind::*;
    let cases: &[(&str, &str, VerdictKind, &str)] = &[
        (
            "Afghanistan, a country of 38 million people, faces a hard winter.",
            "2019-11-02",
            ConsistentByRounding,
            "Afghanistan",
        ),
        (
            "France's population of 68 million is ageing.",
            "2023-05-01",
            ConsistentByRounding,
            "France",
        ),
        (
            "In 2019 France had a population of 67 million.",
            "2024-01-10",
            ConsistentByRounding,
            "2019",
        ),
        (
            "India's population reached 1.26 billion in 2011.",
            "2012-02-01",
            ConsistentByRounding,
            "India",
        ),
        (
            "Nigeria, home to 300 million people, votes next month.",
            "2020-06-01",
            Inconsistent,
            "Nigeria",
        ),
        (
            "Egypt, a nation of 10 million people, depends on the Nile.",
            "2020-06-01",
            Inconsistent,
            "Egypt",
        ),
        (
            "In 1990 Kenya had 23 million inhabitants.",
            "1995-01-01",
            ConsistentByRounding,
            "Kenya",
        ),
        (
            "Japan, a nation of 124.5 million people, is shrinking.",
            "2023-12-01",
            ConsistentByRounding,
            "Japan",
        ),
        (
            "Mexico's population was 150 million in 2015.",
            "2016-01-01",
            Inconsistent,
            "Mexico",
        ),
        (
            "Brazil's economy was worth $1.7 trillion in 2021.",
            "2022-03-01",
            ConsistentByRounding,
            "Brazil",
        ),
        (
            "Nigeria's GDP of $475 billion in 2019 leads Africa.",
            "2020-02-01",
            ConsistentByRounding,
            "Nigeria",
        ),
        (
            "Japan's economy was worth $3 trillion in 2010.",
            "2011-01-01",
            Inconsistent,
            "Japan",
        ),
        (
            "Germany's GDP of €3.8 trillion in 2022 tops Europe.",
            "2023-03-01",
            ConsistentByRounding,
            "ECB",
        ),
        (
            "Canada covers an area of 10 million square kilometres.",
            "2020-01-01",
            ConsistentByRounding,
            "Canada",
        ),
        (
            "Australia covers an area of 3 million square kilometres.",
            "2020-01-01",
            Inconsistent,
            "Australia",
        ),
        (
            "Poland, a country of 37 billion people, joined in 2004.",
            "2021-05-01",
            Inconsistent,
            "scale slip",
        ),
    ];
    let mut failures = Vec::new();
    for (text, date, want, needle) in cases {
        let (got, said) = verdict_of(text, date);
        if got != *want || !said.contains(needle) {
            failures.push(format!(
                "{text}\n  want {want:?} mentioning {needle:?}, got {got:?}: {said}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_year_in_the_sentence_picks_that_year() {
    let (_, said) = verdict_of(
        "In 2019 France had a population of 67 million.",
        "2024-01-10",
    );
    assert!(said.contains("67,382,061"), "{said}");
    let (_, said) = verdict_of("France has a population of 68 million.", "2023-06-01");
    assert!(said.contains("68,372,286"), "{said}");
}
