//! Claims the extractor reads, and what it leaves alone, on sentences of each form.

use super::*;
use crate::document::Format;

type Row = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

fn claims(text: &str) -> Vec<Row> {
    let lex = Lexicon::embedded();
    let doc = Document::from_text("t", text.to_string(), Format::Text);
    let mut ex = Extractor::new(lex);
    ex.extract(&doc)
        .into_iter()
        .map(|c| {
            (
                doc.scan[c.scan_span.start..c.scan_span.end].to_string(),
                c.value.map(|v| v.normalize().to_string()),
                c.value_high.map(|v| v.normalize().to_string()),
                c.unit
                    .map(|u| lex.unit(u).code.clone())
                    .or(c.counted.clone()),
                c.qualifier.as_str().to_string(),
            )
        })
        .collect()
}

fn one(
    text: &str,
) -> (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
) {
    let c = claims(text);
    assert_eq!(c.len(), 1, "{text}: {c:?}");
    c.into_iter().next().unwrap()
}

#[test]
fn money_forms() {
    let c = claims("Brussels pledged one billion euros ($1.2 billion) to Kabul.");
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].1.as_deref(), Some("1000000000"));
    assert_eq!(c[0].3.as_deref(), Some("EUR"));
    assert_eq!(c[1].1.as_deref(), Some("1200000000"));
    assert_eq!(c[1].3.as_deref(), Some("USD"));
    assert_eq!(one("It paid £600m.").1.as_deref(), Some("600000000"));
    assert_eq!(one("It paid £600m.").3.as_deref(), Some("GBP"));
    assert_eq!(one("Sales hit €1.5bn.").3.as_deref(), Some("EUR"));
    assert_eq!(
        one("The bill was Rs 20 crore.").1.as_deref(),
        Some("200000000")
    );
    assert_eq!(one("The yacht cost USD10m.").1.as_deref(), Some("10000000"));
    assert_eq!(one("They paid 500 roubles.").3.as_deref(), Some("RUB"));
    assert_eq!(one("It cost US$5 a month.").1.as_deref(), Some("5"));
    assert_eq!(one("It was worth 10 yuan.").3.as_deref(), Some("CNY"));
    assert_eq!(one("a 20k bonus was paid").1.as_deref(), Some("20000"));
    assert_eq!(
        one("debts of 3tn dollars").1.as_deref(),
        Some("3000000000000")
    );
}

#[test]
fn counts_and_qualifiers() {
    let c = one("It led to the deaths of more than 14,000 Soviet troops.");
    assert_eq!(c.0, "more than 14,000 Soviet troops");
    assert_eq!(c.1.as_deref(), Some("14000"));
    assert_eq!(c.3.as_deref(), Some("troop"));
    assert_eq!(c.4, "more_than");
    let c = one("some 2,000 fighters loyal to the group");
    assert_eq!(
        (c.3.as_deref(), c.4.as_str()),
        (Some("fighter"), "approximately")
    );
    let c = one("a war that killed up to\ntwo million Afghans");
    assert_eq!(c.0, "up to\ntwo million Afghans");
    assert_eq!(c.1.as_deref(), Some("2000000"));
    assert_eq!(c.4, "up_to");
    let c = one("officials from 10 countries including China");
    assert_eq!(c.3.as_deref(), Some("country"));
}

#[test]
fn ranges() {
    let c = one("between 5 and 7 million people");
    assert_eq!(
        (c.1.as_deref(), c.2.as_deref()),
        (Some("5000000"), Some("7000000"))
    );
    let c = one("a fine of $7m-$9m");
    assert_eq!(
        (c.1.as_deref(), c.2.as_deref()),
        (Some("7000000"), Some("9000000"))
    );
    let c = one("from 10 to 12 hours");
    assert_eq!((c.1.as_deref(), c.2.as_deref()), (Some("10"), Some("12")));
    let c = one("There are four to five thousand people.");
    assert_eq!(
        (c.1.as_deref(), c.2.as_deref()),
        (Some("4000"), Some("5000"))
    );
}

#[test]
fn percent_and_points() {
    assert_eq!(one("a 3.5% rise").3.as_deref(), Some("percent"));
    assert_eq!(
        one("up 12 per cent on the year").3.as_deref(),
        Some("percent")
    );
    assert_eq!(
        one("fell 3 percentage points").3.as_deref(),
        Some("percentage point")
    );
}

#[test]
fn not_claims() {
    for t in [
        "In 2019, the talks began on 20 October.",
        "The meeting is at 10:30 on Monday.",
        "The G20 met about Covid-19 and the F-16 and a Boeing 747.",
        "Call 555-1234 now.",
        "They won 2-1 in the final.",
        "See page 5 of the report.",
        "in the 1980s the 3rd meeting took place in mid-August",
        "It met ISO 9001 on the M25.",
    ] {
        assert!(claims(t).is_empty(), "{t}: {:?}", claims(t));
    }
}

#[test]
fn durations() {
    let c = one("foreign troops pulled out after nearly 20 years.");
    assert_eq!((c.3.as_deref(), c.4.as_str()), (Some("year"), "nearly"));
    let c = one("Moscow fought a disastrous decade-long war");
    assert_eq!(c.0, "decade-long");
    assert_eq!(c.3.as_deref(), Some("decade"));
    let c = one("an 18-month inquiry");
    assert_eq!(c.3.as_deref(), Some("month"));
}

#[test]
fn units() {
    let c = one("a 10 km road");
    assert_eq!(c.3.as_deref(), Some("kilometre"));
    let c = one("output of 500,000 barrels a day");
    assert_eq!(c.3.as_deref(), Some("barrel per day"));
    let c = claims("a 37m (121ft) skeleton");
    assert_eq!(c[0].3.as_deref(), Some("metre"));
    assert_eq!(c[1].3.as_deref(), Some("foot"));
}

#[test]
fn news_forms() {
    // a range whose low end carries its own figure keeps it
    let c = one("Fines run from $250,000 to $1 million.");
    assert_eq!(
        (c.1.as_deref(), c.2.as_deref()),
        (Some("250000"), Some("1000000"))
    );
    // sign then code, and cents in US dollars
    assert_eq!(one("It earned $US160 million.").3.as_deref(), Some("USD"));
    assert_eq!(
        one("a loss of 12 cents per share").3.as_deref(),
        Some("USD")
    );
    // a hyphenated compound noun, an adjective before the head, a unit after a modifier
    assert_eq!(
        one("As many as 9 first-team players left.").3.as_deref(),
        Some("player")
    );
    assert_eq!(
        one("a new four-cylinder engine").3.as_deref(),
        Some("cylinder")
    );
    assert_eq!(one("he ran 120 rushing yards").3.as_deref(), Some("yard"));
    assert_eq!(
        one("it sells for $30 per square foot").0,
        "$30 per square foot"
    );
    // a bare figure takes the counted noun of the figure before it
    let c = claims("About 300 cars were stolen, compared with 40 a year ago.");
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[1].3.as_deref(), Some("car"));
    // transliterated pound sign only before a scale
    assert_eq!(one("a PS4.5m bonus").3.as_deref(), Some("GBP"));
    assert!(claims("He bought a PS5 console.").is_empty());
}

#[test]
fn more_not_claims() {
    for t in [
        "The flag flew at half-staff.",
        "They tied it at 89-89 in the final game.",
        "The debut of its 787 Dreamliner was delayed.",
        "It was built between A.D. 1000 and 1260.",
        "The firm's 2018 sales were strong.",
        "Send it to 575 Baker Road, M21 9AB8 now.",
    ] {
        assert!(claims(t).is_empty(), "{t}: {:?}", claims(t));
    }
}

#[test]
fn rates_and_times_after_amounts() {
    let lex = Lexicon::embedded();
    let per = |t: &str| {
        let doc = Document::from_text("t", t.to_string(), Format::Text);
        Extractor::new(lex).extract(&doc)[0].per.clone()
    };
    assert_eq!(per("It costs £125m a year.").as_deref(), Some("year"));
    assert_eq!(per("It made £125m a year earlier.").as_deref(), None);
    assert_eq!(
        per("Fees were $14.95 a month, up from a year ago.").as_deref(),
        Some("month")
    );
}

#[test]
fn currency_signs_of_many_places() {
    for (t, code) in [
        ("The tower cost HK$2bn.", "HKD"),
        ("Fares rose to S$3.50.", "SGD"),
        ("The bid was A$5.2m.", "AUD"),
        ("Salaries hit C$80,000.", "CAD"),
        ("The fee is NZ$40.", "NZD"),
        ("In Beijing the meal cost ¥45.", "CNY"),
        ("In Tokyo the meal cost ¥4,500.", "JPY"),
        ("A Norwegian ticket costs 120 kr.", "NOK"),
        ("He earns 5 lakh rupees.", "INR"),
        ("The debt is $1.2tn.", "USD"),
    ] {
        let c = claims(t);
        assert_eq!(c.len(), 1, "{t}: {c:?}");
        assert_eq!(c[0].3.as_deref(), Some(code), "{t}: {c:?}");
    }
}

#[test]
fn qualifier_lists_and_half_units() {
    let c = claims("No fewer than 20 died and upwards of £1m was raised in half an hour.");
    assert_eq!(c.len(), 3, "{c:?}");
    assert_eq!(
        (c[0].0.as_str(), c[0].3.as_deref()),
        ("No fewer than 20", None)
    );
    assert_eq!(c[1].4, "at_least");
    assert_eq!(
        (c[2].1.as_deref(), c[2].3.as_deref()),
        (Some("0.5"), Some("hour"))
    );
}

#[test]
fn fractions_as_shares() {
    for (t, v) in [
        ("Sales fell by nearly a quarter from last year.", "0.25"),
        ("Output has risen by a fifth since May.", "0.2"),
        ("The firm is half owned by a bank.", "0.5"),
        ("They cut the deficit by half, he said.", "0.5"),
        ("Half the staff left.", "0.5"),
    ] {
        let c = claims(t);
        assert_eq!(c.len(), 1, "{t}: {c:?}");
        assert_eq!(c[0].1.as_deref(), Some(v), "{t}");
    }
}

#[test]
fn labels_codes_date_ranges_and_scores() {
    for t in [
        "The fair runs from 6 to 9 January in the city.",
        "The single went straight into the top 10.",
        "A spokesman for 3ami and the 5G network said the 3D film was late.",
        "The visitors were trounced 33-5 in the second half.",
        "The under-21 squad flew home.",
        "Men aged 18 to 34 said so.",
        "A third defendant was cleared and they scored a fourth goal.",
        "Prices rose for a sixth straight session in a third quarter of growth.",
        "The second half was dull; he is the number one keeper.",
        "The finale aired on BBC One after Formula One coverage.",
        "\"Welcome to the 2005\" fair,\" she said.",
    ] {
        assert!(claims(t).is_empty(), "{t}: {:?}", claims(t));
    }
    // units glued to digits still count
    assert_eq!(claims("a 10kW panel and a 256GB phone").len(), 2);
    // "the 10,000m" is a race; "the 2m viewers" are millions; a 15.6" screen is inches
    assert_eq!(
        claims("She ran the 10,000m five days later.")[0]
            .3
            .as_deref(),
        Some("metre")
    );
    assert_eq!(
        one("It drew the 2m viewers it needed.").1.as_deref(),
        Some("2000000")
    );
    assert_eq!(one("It has a 15.6\" screen.").3.as_deref(), Some("inch"));
    assert_eq!(
        one("We met one country dominate").3.as_deref(),
        Some("country")
    );
    let c = claims("Some 81% of 16 to 20-year-olds care.");
    assert_eq!(c[1].3.as_deref(), Some("year"), "{c:?}");
}

#[test]
fn ambiguous_units_follow_cues_and_locale() {
    let lex = Lexicon::embedded();
    let read = |text: &str| {
        let doc = Document::from_text("t", text.to_string(), Format::Text);
        let c = Extractor::new(lex).extract(&doc);
        let u = c.iter().find(|c| c.unit.is_some()).unwrap();
        (
            lex.unit(u.unit.unwrap()).code.clone(),
            u.unit_note.clone().unwrap_or_default(),
        )
    };
    assert_eq!(read("The truck carried 20 tons of steel.").0, "short ton");
    let (code, note) = read("The truck carried 20 tons of steel. It cost £500.");
    assert_eq!(code, "long ton");
    assert!(note.contains("£"), "{note}");
    assert_eq!(read("An Indian mill shipped 20 tons of steel.").0, "tonne");
    assert_eq!(read("The tank holds 40 gallons.").0, "US gallon");
    assert_eq!(
        read("In the UK the tank holds 40 gallons.").0,
        "imperial gallon"
    );
}

#[test]
fn huge_numbers_are_claims_that_cannot_be_represented() {
    let c = claims(
        "It was 10^40 or 123456789012345678901234567890123456789012345678901234567890 atoms.",
    );
    assert_eq!(c.len(), 2, "{c:?}");
    assert!(c.iter().all(|x| x.1.is_none()));
}

#[test]
fn units_shared_and_inherited() {
    // a from-to range whose ends other words part
    let c = one("Prices climbed from 4.5 euros last spring to 6 euros.");
    assert_eq!(
        (c.1.as_deref(), c.2.as_deref(), c.3.as_deref()),
        (Some("4.5"), Some("6"), Some("EUR"))
    );
    let c = one("Plots range from 300 sq ft up to 800 sq ft.");
    assert_eq!((c.1.as_deref(), c.2.as_deref()), (Some("300"), Some("800")));
    // a measure between the ends keeps them apart
    assert_eq!(
        claims("It fell from 90mg per 200ml of water to 40mg.").len(),
        3
    );
    // a bare figure takes the unit of the figure a few words later
    let c = claims("The bank lent 5 billion of the 8 billion euros pledged.");
    assert_eq!(c[0].3.as_deref(), Some("EUR"), "{c:?}");
    let c = claims("Verizon swaps 0.52 of its shares and $2.10 in cash.");
    assert_eq!(c[0].3, None, "{c:?}");
    // a hanging hyphen shares the last number's unit or noun
    let c = claims("The two-, three- and four-bedroom flats sold out.");
    assert_eq!(c.len(), 3, "{c:?}");
    assert!(c.iter().all(|x| x.3.as_deref() == Some("bedroom")), "{c:?}");
    let c = claims("It has a 6- or 9-inch display.");
    assert_eq!(c[0].3.as_deref(), Some("inch"), "{c:?}");
    // number + singular noun + noun
    assert_eq!(
        one("The council approved a 14 storey tower.").3.as_deref(),
        Some("storey")
    );
    // a fraction of a unit
    let c = one("The shop is a quarter of a mile away.");
    assert_eq!(
        (c.1.as_deref(), c.3.as_deref()),
        (Some("0.25"), Some("mile"))
    );
    // coordinated modifiers and a leading adverb + participle
    let c = one("Police seized 70 Ford and Vauxhall vans.");
    assert_eq!(c.0, "70 Ford and Vauxhall vans");
    let c = one("That equals 30 reasonably sized wind farms.");
    assert_eq!(c.0, "30 reasonably sized wind farms");
    assert_eq!(c.3.as_deref(), Some("farm"));
    let c = one("About 90 armed police officers were there.");
    assert_eq!(c.3.as_deref(), Some("officer"));
    // ages stated with a be-verb
    let c = one("She was 42 when she founded the firm.");
    assert_eq!((c.1.as_deref(), c.3.as_deref()), (Some("42"), Some("year")));
    assert_eq!(one("He will be 61 by March.").3.as_deref(), Some("year"));
    assert_eq!(one("The score was 42 at half time.").3, None);
    assert_eq!(one("her now-9 month-old son").3.as_deref(), Some("month"));
    // a rate after the currency's country, and "a-year"
    assert_eq!(
        claims("Oil sold at $61 U.S. per barrel.")[0].0,
        "$61 U.S. per barrel"
    );
    assert_eq!(claims("Fees rise by £30 a-year.")[0].0, "£30 a-year");
    // a stock index is a name
    assert!(claims("the ftse 250 and the sp 500 fell").is_empty());
}
