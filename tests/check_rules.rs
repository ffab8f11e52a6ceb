//! Verdict rules, one behaviour per test: internal checks, linking, time, ambiguity, severity,
//! and the reasons a claim stays unverifiable.

use numcheck::check::{CheckOptions, Checker, FileReport, Severity, VerdictKind};
use numcheck::reference::ReferenceSet;
use numcheck::report::{self, Prose};
use numcheck::{Date, Document, Format, Lexicon};

const HEADER: &str = "id,entity,measure,value,low,high,unit,counted,as_of,period,source,aliases\n";

fn reference(facts: &str) -> ReferenceSet {
    let lex = Lexicon::embedded();
    let mut set = ReferenceSet::embedded(lex).unwrap();
    let mut problems = Vec::new();
    set.add_facts(
        "test-facts.csv",
        &format!("{HEADER}{facts}"),
        lex,
        &mut problems,
    );
    assert!(problems.is_empty(), "{problems:?}");
    set.rebuild_index();
    set
}

/// Checks a document (leaked for the test's lifetime, so reports can borrow it).
fn check(set: &ReferenceSet, doc: &Document) -> FileReport<'static> {
    let doc: &'static Document = Box::leak(Box::new(doc.clone()));
    numcheck::check_document(
        &Checker::new(Lexicon::embedded(), set, CheckOptions::default()),
        doc,
    )
}

/// The English the report stage writes for verdict `i`.
fn prose(r: &FileReport, i: usize) -> Prose {
    report::explain(r, &r.verdicts[i], Lexicon::embedded())
}

fn doc(text: &str, date: Option<&str>) -> Document {
    let mut d = Document::from_text("t.txt", text.to_string(), Format::Text);
    d.date = date.and_then(Date::parse);
    d
}

fn kinds(r: &FileReport) -> Vec<VerdictKind> {
    r.verdicts.iter().map(|v| v.kind).collect()
}

#[test]
fn unit_conversion_in_brackets() {
    let set = reference("");
    let d = doc(
        "The trail is 10 km (6 miles) long, and the lake 5 km (9 miles) wide.",
        None,
    );
    let r = check(&set, &d);
    assert_eq!(r.claims.len(), 4);
    assert_eq!(
        r.verdicts[1].kind,
        VerdictKind::ConsistentByRounding,
        "{:?}",
        r.verdicts[1]
    );
    assert_eq!(r.verdicts[3].kind, VerdictKind::Inconsistent);
    assert_eq!(r.verdicts[3].severity, Some(Severity::Error));
    let suggestion = prose(&r, 3).suggestion.unwrap();
    assert!(suggestion.contains("3.11"), "{suggestion}");
}

#[test]
fn currency_conversion_needs_a_date_and_a_rate() {
    let set = reference("");
    let text = "The fund holds €1bn ($1.2bn).";
    let r = check(&set, &doc(text, None));
    assert_eq!(r.verdicts[1].kind, VerdictKind::Unverifiable);
    assert!(
        prose(&r, 1).summary.contains("no date"),
        "{}",
        prose(&r, 1).summary
    );
    let r = check(&set, &doc(text, Some("1995-05-01")));
    assert_eq!(r.verdicts[1].kind, VerdictKind::Unverifiable);
    assert!(
        prose(&r, 1).summary.contains("before the ECB rate history"),
        "{}",
        prose(&r, 1).summary
    );
    let r = check(
        &set,
        &doc(
            "The deal was worth €1bn (100bn roubles).",
            Some("2023-05-02"),
        ),
    );
    // the ECB stopped quoting the rouble in 2022: the World Bank's annual average stands in
    assert_eq!(r.verdicts[1].kind, VerdictKind::ConsistentByRounding);
    let said = prose(&r, 1).explanation.join(" | ");
    assert!(said.contains("annual average, Russia"), "{said}");
    let r = check(&set, &doc("It raised £600m ($1.13bn).", Some("2005-01-20")));
    assert_eq!(
        r.verdicts[1].kind,
        VerdictKind::ConsistentByRounding,
        "{:?}",
        r.verdicts[1]
    );
}

#[test]
fn shares_must_add_up() {
    let set = reference("");
    let r = check(
        &set,
        &doc(
            "Of the staff, 30 of 120 nurses, or 25%, left. Later 40 of 120 doctors, or 50%, stayed.",
            None,
        ),
    );
    let k = kinds(&r);
    assert_eq!(
        k.iter()
            .filter(|x| **x == VerdictKind::Inconsistent)
            .count(),
        1,
        "{:#?}",
        r.verdicts
    );
    let bad = r
        .verdicts
        .iter()
        .position(|v| v.kind == VerdictKind::Inconsistent)
        .unwrap();
    let summary = prose(&r, bad).summary;
    assert!(summary.contains("33.3%"), "{summary}");
}

#[test]
fn the_same_quantity_stated_twice() {
    let set = reference("");
    let r = check(
        &set,
        &doc(
            "Some 400 Danish soldiers went. Later, the 700 Danish soldiers came home. Then 12 Danish soldiers left.",
            None,
        ),
    );
    // a definite re-mention ("the 700 …") contradicts; a new group of the same noun does not
    assert_eq!(
        kinds(&r),
        vec![
            VerdictKind::Unverifiable,
            VerdictKind::Inconsistent,
            VerdictKind::Unverifiable
        ]
    );
    assert!(prose(&r, 1).summary.contains("line 1"));
}

#[test]
fn facts_link_by_words_and_counted_noun() {
    let set = reference(
        "harbour-ferries,Harbour Ferry Company,ferries in service,28,,,,ferry,2022,,Company annual report 2022,harbour ferry|fleet\n",
    );
    let r = check(
        &set,
        &doc(
            "The harbour ferry fleet now has 31 ferries.",
            Some("2022-06-01"),
        ),
    );
    assert_eq!(kinds(&r), vec![VerdictKind::Inconsistent]);
    // 31 for 28 is 11% off: an error (more than 10%)
    assert_eq!(r.verdicts[0].severity, Some(Severity::Error));
    assert_eq!(r.verdicts[0].fact.as_ref().unwrap().id, "harbour-ferries");
    // a count of something else is not linked
    let r = check(
        &set,
        &doc(
            "The harbour ferry fleet now has 31 captains.",
            Some("2022-06-01"),
        ),
    );
    assert_eq!(kinds(&r), vec![VerdictKind::Unverifiable]);
}

#[test]
fn the_fact_of_the_stated_year_wins() {
    let set = reference(
        "bridge-traffic-2010,Harbour Bridge,daily vehicles,150000,,,,vehicle,2010,,Roads agency 2010,harbour bridge|traffic|crossings\n\
         bridge-traffic-2020,Harbour Bridge,daily vehicles,180000,,,,vehicle,2020,,Roads agency 2020,harbour bridge|traffic|crossings\n",
    );
    let r = check(
        &set,
        &doc(
            "In 2010 the Harbour Bridge carried 150,000 vehicles a day.",
            Some("2021-01-01"),
        ),
    );
    assert_eq!(
        r.verdicts[0].fact.as_ref().unwrap().id,
        "bridge-traffic-2010"
    );
    assert_eq!(r.verdicts[0].kind, VerdictKind::Consistent);
    let r = check(
        &set,
        &doc(
            "The Harbour Bridge now carries 150,000 vehicles a day.",
            Some("2021-01-01"),
        ),
    );
    assert_eq!(
        r.verdicts[0].fact.as_ref().unwrap().id,
        "bridge-traffic-2020"
    );
    assert_eq!(r.verdicts[0].kind, VerdictKind::Inconsistent);
}

#[test]
fn two_facts_that_fit_equally_are_ambiguous() {
    let set = reference(
        "north-school-pupils,North School,pupils,420,,,,pupil,2023,,Council register,school|pupils|enrolled\n\
         south-school-pupils,South School,pupils,510,,,,pupil,2023,,Council register,school|pupils|enrolled\n",
    );
    let r = check(
        &set,
        &doc("The school has 450 pupils enrolled.", Some("2023-09-01")),
    );
    assert_eq!(kinds(&r), vec![VerdictKind::Ambiguous]);
    assert_eq!(r.verdicts[0].other_facts.len(), 1);
}

#[test]
fn percent_and_points_are_not_compared() {
    let set = reference(
        "jobless-rate,Ruritania,unemployment rate,5.1,,,percent,,2023,,Statistics office,unemployment|jobless|rate\n",
    );
    let r = check(
        &set,
        &doc("Ruritania's unemployment rate is 5%.", Some("2023-10-01")),
    );
    assert_eq!(kinds(&r), vec![VerdictKind::ConsistentByRounding]);
    let r = check(
        &set,
        &doc(
            "Ruritania's unemployment rate fell 5 percentage points.",
            Some("2023-10-01"),
        ),
    );
    assert_eq!(kinds(&r), vec![VerdictKind::Unverifiable]);
}

#[test]
fn scale_slips_are_errors() {
    let set = reference(
        "metro-budget,City metro,budget,2400000000,,,EUR,,2023,,City budget 2023,metro|budget\n",
    );
    let r = check(
        &set,
        &doc("The metro budget is €2.4 million.", Some("2023-10-01")),
    );
    assert_eq!(kinds(&r), vec![VerdictKind::Inconsistent]);
    assert_eq!(r.verdicts[0].severity, Some(Severity::Error));
    assert!(
        prose(&r, 0)
            .explanation
            .iter()
            .any(|l| l.contains("scale slip")),
        "{:?}",
        prose(&r, 0).explanation
    );
    // the same budget in dollars converts at the article's date
    let r = check(
        &set,
        &doc("The metro budget is $2.6 billion.", Some("2023-10-02")),
    );
    assert_eq!(
        kinds(&r),
        vec![VerdictKind::ConsistentByRounding],
        "{:?}",
        r.verdicts[0]
    );
}

#[test]
fn absurd_numbers_never_panic() {
    let set = reference("");
    let max = "79228162514264337593543950335";
    let tiny = "0.0000000000000000000000000001";
    for text in [
        format!("It cost ${max} (€1)."),
        format!("It cost €{max} ($1)."),
        format!("Poland has {max} people."),
        format!("Debt was -{max} km (5 miles)."),
        format!("{max} of {tiny} staff, or 25%, left."),
        format!("about {max} troops"),
        "7.9228162514264337593543950335 billion trillion".to_string(),
        format!("It was {tiny} km ({max} nm)."),
        format!("It was {max} km (1 mm)."),
        format!("Germany's GDP of €{max} in 2022"),
        format!("Canada covers an area of {max} square miles"),
        "It was 7922816251426433759354395033.5 °F (5 °C).".to_string(),
        format!("between -{max} and {max} people"),
        format!("{max}% of {max}"),
    ] {
        let r = check(&set, &doc(&text, Some("2020-01-01")));
        assert_eq!(r.claims.len(), r.verdicts.len(), "{text}");
    }
}

#[test]
fn a_counted_noun_alone_does_not_link_a_fact() {
    let set = reference("");
    // the shipped reference knows Soviet troop deaths in Afghanistan; these troops are others
    let r = check(
        &set,
        &doc(
            "The army sent more than 14,000 troops to the border.",
            Some("2020-01-01"),
        ),
    );
    assert_eq!(
        kinds(&r),
        vec![VerdictKind::Unverifiable],
        "{:?}",
        r.verdicts[0].fact
    );
}

#[test]
fn one_line_dumps_stay_linear() {
    let set = reference("");
    let line = "more than 14,000 troops and about $1.2bn. ".repeat(4000);
    let r = check(&set, &doc(&line, Some("2020-01-01")));
    assert_eq!(r.claims.len(), 8000);
    // sentences are cut, so no claim's sentence is the whole text
    assert!(
        r.claims
            .iter()
            .all(|c| c.sentence.end - c.sentence.start < 5_000)
    );
    let text = report::renderer(
        report::OutputFormat::Text,
        Lexicon::embedded(),
        report::RenderOptions::default(),
    )
    .check(&report::CheckRun::new(&[r], &[]));
    assert!(
        text.len() < 5_000_000,
        "text report of {} bytes",
        text.len()
    );
}

#[test]
fn links_need_plausible_magnitude_time_and_a_named_entity() {
    let set = reference("");
    // far off in magnitude (not a thousand-fold slip): about something else
    let r = check(
        &set,
        &doc(
            "The Eiffel Tower lifts travel 100,000 km a year.",
            Some("2023-06-01"),
        ),
    );
    assert_eq!(kinds(&r), vec![VerdictKind::Unverifiable]);
    // a fact from after the article is not what it states
    let r = check(
        &set,
        &doc(
            "The European Union, a bloc of 25 member states, met.",
            Some("2004-06-01"),
        ),
    );
    assert_eq!(kinds(&r), vec![VerdictKind::Unverifiable]);
    let r = check(
        &set,
        &doc(
            "The European Union, a bloc of 25 member states, met.",
            Some("2023-06-01"),
        ),
    );
    assert_eq!(kinds(&r), vec![VerdictKind::Inconsistent]);
    // "European" alone does not name the European Union
    let r = check(
        &set,
        &doc(
            "Eight central European states, a bloc of 8 member states, met.",
            Some("2023-06-01"),
        ),
    );
    assert!(
        kinds(&r).iter().all(|k| *k == VerdictKind::Unverifiable),
        "{:?}",
        r.verdicts
    );
    // statistics need a year: from the sentence or the article date
    let r = check(
        &set,
        &doc("France, a country of 68 million people, voted.", None),
    );
    assert_eq!(kinds(&r), vec![VerdictKind::Unverifiable]);
    let r = check(
        &set,
        &doc("In 2019 France had a population of 67 million.", None),
    );
    assert_eq!(kinds(&r), vec![VerdictKind::ConsistentByRounding]);
    // a crowd in a country is not its population
    let r = check(
        &set,
        &doc("About 50,000 people marched in France.", Some("2023-06-01")),
    );
    assert_eq!(kinds(&r), vec![VerdictKind::Unverifiable]);
}

#[test]
fn a_percent_read_as_points_is_an_error() {
    let set = reference(
        "jobless-rate,Ruritania,unemployment rate,5.1,,,percent,,2023,,Statistics office,unemployment|jobless|rate\n",
    );
    let r = check(
        &set,
        &doc(
            "Ruritania's unemployment rate stands at 5 percentage points.",
            Some("2023-10-01"),
        ),
    );
    assert_eq!(kinds(&r), vec![VerdictKind::Inconsistent]);
    assert_eq!(r.verdicts[0].severity, Some(Severity::Error));
    assert!(
        prose(&r, 0)
            .explanation
            .iter()
            .any(|l| l.contains("percent read as points"))
    );
    // a change in the rate is stated in points, rightly
    let r = check(
        &set,
        &doc(
            "Ruritania's unemployment rate fell 2 percentage points.",
            Some("2023-10-01"),
        ),
    );
    assert_eq!(kinds(&r), vec![VerdictKind::Unverifiable]);
}

#[test]
fn currencies_the_ecb_does_not_quote_convert_at_the_annual_average() {
    let set = reference("");
    // Pakistan 2021: about 162.9 rupees to the dollar (World Bank annual average)
    let d = doc(
        "The permit fee is 16,000 Pakistani rupees ($98), and the fine 16,000 Pakistani rupees ($150).",
        Some("2021-09-01"),
    );
    let r = check(&set, &d);
    let texts: Vec<&str> = r.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts.len(), 4, "{texts:?}");
    assert_eq!(
        kinds(&r)[1],
        VerdictKind::ConsistentByRounding,
        "{:?}",
        prose(&r, 1)
    );
    let p = prose(&r, 1);
    let said = p.explanation.join(" | ");
    assert!(said.contains("annual average, Pakistan 2021"), "{said}");
    assert!(!said.contains("ECB"), "{said}");
    // half as much again as the annual average allows: wrong, and the rate is named
    assert_eq!(kinds(&r)[3], VerdictKind::Inconsistent);
    assert!(
        prose(&r, 3)
            .explanation
            .join(" | ")
            .contains("World Bank official exchange rate"),
    );
}

#[test]
fn the_ecb_rate_stays_first_where_it_exists() {
    let set = reference("");
    let d = doc("Tickets cost €40 ($43.50).", Some("2023-06-15"));
    let r = check(&set, &d);
    let said = prose(&r, 1).explanation.join(" | ");
    assert!(said.contains("ECB reference rate, 2023-06-15"), "{said}");
    assert_eq!(r.verdicts[1].kind, VerdictKind::ConsistentByRounding);
}
