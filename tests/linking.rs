//! Claims linked to the statistics (`reference/statistics.csv` and its tables): sentences written
//! for this test, for each family of indicators, with right and wrong figures, years named and
//! implied, aggregates, cities, the gazetteer's names, sentences naming two places, and the
//! phrasings that must not be linked. Each case says which statistic (measure, place, year) the
//! figure must be linked to, or that it must be linked to none, and the verdict.

use numcheck::check::{CheckOptions, Checker, VerdictKind};
use numcheck::reference::{ReferenceSet, StatisticRef};
use numcheck::{Date, Document, Format, Lexicon};

use VerdictKind::{Consistent, ConsistentByRounding, Inconsistent, Unverifiable};

/// What a figure must be linked to: measure, place code and year; `None` for no statistic.
type Want = Option<(&'static str, &'static str, Option<i32>)>;

/// One case: the sentence, the article's date, the figure (as the claim writes it), what it
/// must be linked to, and the verdict.
type Case = (&'static str, &'static str, &'static str, Want, VerdictKind);

/// Every claim of a text: its words, the statistic it was linked to, its verdict and English.
fn check(text: &str, date: &str) -> Vec<(String, Option<StatisticRef>, VerdictKind, String)> {
    let lex = Lexicon::embedded();
    let reference = ReferenceSet::embedded(lex).expect("the shipped reference loads");
    let checker = Checker::new(lex, &reference, CheckOptions::default());
    let mut doc = Document::from_text("t.txt", text.to_string(), Format::Text);
    doc.date = Date::parse(date);
    let r = numcheck::check_document(&checker, &doc);
    r.verdicts
        .iter()
        .map(|v| {
            let prose = numcheck::report::explain(&r, v, lex);
            (
                r.claims[v.claim].text.clone(),
                v.fact.as_ref().and_then(|f| f.statistic.clone()),
                v.kind,
                format!("{} | {}", prose.summary, prose.explanation.join(" | ")),
            )
        })
        .collect()
}

/// Runs the cases, reporting every failure at once.
fn run(cases: &[Case]) {
    let mut failures = Vec::new();
    for (text, date, figure, want, kind) in cases {
        let verdicts = check(text, date);
        let Some((_, st, got, said)) = verdicts.iter().find(|v| v.0 == *figure) else {
            let seen: Vec<&String> = verdicts.iter().map(|v| &v.0).collect();
            failures.push(format!("{text}\n  no claim {figure:?} (claims: {seen:?})"));
            continue;
        };
        let linked = st
            .as_ref()
            .map(|s| (s.measure.as_str(), s.code.as_str(), s.year));
        let wanted = want.map(|(m, c, y)| (m, c, y));
        if linked != wanted || got != kind {
            failures.push(format!(
                "{text}\n  {figure}: want {wanted:?} {kind:?}, got {linked:?} {got:?}: {said}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_ways_a_population_is_stated() {
    run(&[
        // has / live in / with / Population of X: / X's N residents, years implied
        (
            "Ghana has 34 million people.",
            "2024-03-01",
            "34 million people",
            Some(("population", "GHA", Some(2024))),
            ConsistentByRounding,
        ),
        (
            "About 34 million people live in Ghana.",
            "2024-03-01",
            "About 34 million people",
            Some(("population", "GHA", Some(2024))),
            Consistent,
        ),
        (
            "The United States, with 337 million people, is the third most populous country.",
            "2023-06-01",
            "337 million people",
            Some(("population", "USA", Some(2023))),
            ConsistentByRounding,
        ),
        (
            "Population of Peru: 34 million.",
            "2023-02-01",
            "34 million",
            Some(("population", "PER", Some(2023))),
            ConsistentByRounding,
        ),
        (
            "Peru's 43 million residents vote in April.",
            "2023-02-01",
            "43 million residents",
            Some(("population", "PER", Some(2023))),
            Inconsistent,
        ),
        (
            "Kenya has a population of nearly 55 million.",
            "2022-05-01",
            "nearly 55 million",
            Some(("population", "KEN", Some(2022))),
            Consistent,
        ),
        (
            "Egypt, a nation of 10 million people, depends on the Nile.",
            "2020-06-01",
            "10 million people",
            Some(("population", "EGY", Some(2020))),
            Inconsistent,
        ),
        // years named: in brackets, "mid-", "the 2009 estimate", "in 2014"; "since" is not one
        (
            "Chile had a population (2001 estimate) of 15.7 million.",
            "2003-01-01",
            "15.7 million",
            Some(("population", "CHL", Some(2001))),
            ConsistentByRounding,
        ),
        (
            "By mid-1993 Indonesia had a population of 193 million.",
            "1995-01-01",
            "193 million",
            Some(("population", "IDN", Some(1993))),
            ConsistentByRounding,
        ),
        (
            "Peru had 28.9 million people, according to the 2009 estimate.",
            "2011-01-01",
            "28.9 million people",
            Some(("population", "PER", Some(2009))),
            ConsistentByRounding,
        ),
        (
            "Ukraine's population, 55 million in 2014, has shrunk since 1991.",
            "2015-06-01",
            "55 million",
            Some(("population", "UKR", Some(2014))),
            Inconsistent,
        ),
        (
            "India's population reached 1.26 billion in 2011.",
            "2012-02-01",
            "1.26 billion",
            Some(("population", "IND", Some(2011))),
            ConsistentByRounding,
        ),
    ]);
}

#[test]
fn names_of_the_gazetteer() {
    run(&[
        (
            "The U.S. population was 337 million in 2023.",
            "2024-01-01",
            "337 million",
            Some(("population", "USA", Some(2023))),
            ConsistentByRounding,
        ),
        (
            "Swaziland, a kingdom of 1.1 million people, is landlocked.",
            "2016-04-01",
            "1.1 million people",
            Some(("population", "SWZ", Some(2016))),
            ConsistentByRounding,
        ),
        (
            "Macedonia had 2.1 million inhabitants in 2012.",
            "2013-03-01",
            "2.1 million inhabitants",
            Some(("population", "MKD", Some(2012))),
            Inconsistent,
        ),
        (
            "Burma, home to 49 million people, held elections in 2010.",
            "2011-09-01",
            "49 million people",
            Some(("population", "MMR", Some(2010))),
            ConsistentByRounding,
        ),
        (
            "Ivory Coast had 27.5 million inhabitants in 2018.",
            "2019-06-01",
            "27.5 million inhabitants",
            Some(("population", "CIV", Some(2018))),
            ConsistentByRounding,
        ),
        (
            "The Brazilian economy was worth $1.5 trillion in 2020.",
            "2021-06-01",
            "$1.5 trillion",
            Some(("gdp_usd", "BRA", Some(2020))),
            ConsistentByRounding,
        ),
    ]);
}

#[test]
fn the_place_tied_to_the_figure_wins_over_another_named() {
    run(&[
        // a comparison is not the figure's place
        (
            "Unlike Nigeria, Niger has 26 million people.",
            "2023-03-01",
            "26 million people",
            Some(("population", "NER", Some(2023))),
            ConsistentByRounding,
        ),
        (
            "Kenya has 52 million people while Uganda has 47 million.",
            "2023-05-01",
            "47 million",
            Some(("population", "UGA", Some(2023))),
            Inconsistent,
        ),
        (
            "Kenya has 52 million people while Uganda has 47 million.",
            "2023-05-01",
            "52 million people",
            Some(("population", "KEN", Some(2023))),
            Inconsistent,
        ),
        // an apposition does not cut the tie; the country inside it is not the city's
        (
            "Lagos, Nigeria's biggest city, has a population of 12 million.",
            "2016-01-01",
            "12 million",
            Some(("city_population_agglomeration", "WUP22007", Some(2015))),
            ConsistentByRounding,
        ),
        (
            "In 2019 Japanese women could expect to live to 87.4 years, longer than Americans.",
            "2020-06-01",
            "87.4 years",
            Some(("life_expectancy_female", "JPN", Some(2019))),
            ConsistentByRounding,
        ),
        (
            "In 2019 women could expect to live to 87.4 years, longer than Americans.",
            "2020-06-01",
            "87.4 years",
            None,
            Unverifiable,
        ),
    ]);
}

#[test]
fn money_gdp_per_head_and_purchasing_power() {
    run(&[
        (
            "Nigeria's GDP was $473bn in 2022.",
            "2023-04-01",
            "$473bn",
            Some(("gdp_usd", "NGA", Some(2022))),
            ConsistentByRounding,
        ),
        (
            "Nigeria's GDP was $577bn in 2022.",
            "2023-04-01",
            "$577bn",
            Some(("gdp_usd", "NGA", Some(2022))),
            Inconsistent,
        ),
        // a year's GDP without a year named is the last full year's
        (
            "Germany's GDP is $4.1 trillion.",
            "2023-05-01",
            "$4.1 trillion",
            Some(("gdp_usd", "DEU", Some(2022))),
            ConsistentByRounding,
        ),
        // "GDP per head" is not GDP; at purchasing power parity it is another table
        (
            "Norway's GDP per capita was $113,000 in 2022.",
            "2023-05-01",
            "$113,000",
            Some(("gdp_per_capita_usd", "NOR", Some(2022))),
            ConsistentByRounding,
        ),
        (
            "At purchasing power parity, GDP per capita in Norway was $125,500 in 2022.",
            "2023-05-01",
            "$125,500",
            Some(("gdp_per_capita_ppp", "NOR", Some(2022))),
            ConsistentByRounding,
        ),
        (
            "India's GNI at purchasing power parity was $10.9 trillion in 2021.",
            "2022-07-01",
            "$10.9 trillion",
            Some(("gni_ppp", "IND", Some(2021))),
            ConsistentByRounding,
        ),
        // a deficit is a negative balance
        (
            "Turkey's current account deficit was $6.2bn in 2021.",
            "2022-04-01",
            "$6.2bn",
            Some(("current_account", "TUR", Some(2021))),
            ConsistentByRounding,
        ),
    ]);
}

#[test]
fn growth_is_for_a_year_that_has_ended() {
    run(&[
        (
            "Poland's economy grew by 4.6% in 2019, its fastest pace in a decade.",
            "2020-03-01",
            "4.6%",
            Some(("gdp_growth", "POL", Some(2019))),
            ConsistentByRounding,
        ),
        (
            "Germany's economy grew 3% last year.",
            "2020-03-01",
            "3%",
            Some(("gdp_growth", "DEU", Some(2019))),
            Inconsistent,
        ),
        (
            "Germany's economy grew 0.5% in the third quarter.",
            "2020-03-01",
            "0.5%",
            None,
            Unverifiable,
        ),
        (
            "Germany's economy is expected to grow 1.1% this year.",
            "2020-03-01",
            "1.1%",
            None,
            Unverifiable,
        ),
        (
            "Kenya's population growth rate was 2% in 2019, against 3.4% in Uganda.",
            "2020-03-01",
            "3.4%",
            Some(("population_growth", "UGA", Some(2019))),
            ConsistentByRounding,
        ),
    ]);
}

#[test]
fn prices_and_jobs() {
    run(&[
        (
            "Inflation in Spain was 8.4% in 2022.",
            "2023-02-01",
            "8.4%",
            Some(("inflation_cpi", "ESP", Some(2022))),
            ConsistentByRounding,
        ),
        (
            "Consumer prices in Spain rose 0.6% in January.",
            "2023-02-01",
            "0.6%",
            None,
            Unverifiable,
        ),
        (
            "Spain's unemployment rate was 13% in 2022.",
            "2023-02-01",
            "13%",
            Some(("unemployment", "ESP", Some(2022))),
            ConsistentByRounding,
        ),
        (
            "South Africa's jobless rate was 23% in 2022.",
            "2023-02-01",
            "23%",
            Some(("unemployment", "ZAF", Some(2022))),
            Inconsistent,
        ),
    ]);
    // the source's note on one place surfaces in the explanation, and its tolerance (CPI and
    // CPIH differ by up to 1.5 points) keeps a CPI figure from being called wrong
    let v = check("Inflation in Britain was 9.1% in 2022.", "2023-02-01");
    let (_, st, kind, said) = &v[0];
    assert_eq!(st.as_ref().map(|s| s.code.as_str()), Some("GBR"));
    assert_eq!(*kind, Consistent, "{said}");
    assert!(said.contains("within 1.5pp"), "{said}");
    assert!(said.contains("CPIH"), "{said}");
    assert!(
        said.contains("year: 2022 (the year the sentence names)"),
        "{said}"
    );
}

#[test]
fn life_expectancy_and_fertility() {
    run(&[
        (
            "Life expectancy in Japan was 84.4 years in 2021.",
            "2022-09-01",
            "84.4 years",
            Some(("life_expectancy", "JPN", Some(2021))),
            ConsistentByRounding,
        ),
        (
            "In 2021 Japanese women could expect to live to 87.6 and men to 81.5.",
            "2022-09-01",
            "81.5",
            Some(("life_expectancy_male", "JPN", Some(2021))),
            ConsistentByRounding,
        ),
        (
            "In 2019 life expectancy in Russia was: male 68.2, female 71.2 and total 73.1.",
            "2020-09-01",
            "71.2",
            Some(("life_expectancy_female", "RUS", Some(2019))),
            Inconsistent,
        ),
        (
            "In 2019 life expectancy in Russia was: male 68.2, female 71.2 and total 73.1.",
            "2020-09-01",
            "73.1",
            Some(("life_expectancy", "RUS", Some(2019))),
            ConsistentByRounding,
        ),
        (
            "South Korea's fertility rate fell to 0.78 births per woman in 2022.",
            "2023-06-01",
            "0.78 births",
            Some(("fertility_rate", "KOR", Some(2022))),
            ConsistentByRounding,
        ),
    ]);
}

#[test]
fn shares_of_gdp_need_of_gdp() {
    run(&[
        (
            "The United States spent 16.5% of GDP on health in 2019.",
            "2020-08-01",
            "16.5%",
            Some(("health_expenditure", "USA", Some(2019))),
            ConsistentByRounding,
        ),
        (
            "Poland spent 4.2% of GDP on defence in 2022.",
            "2023-01-01",
            "4.2%",
            Some(("military_expenditure", "POL", Some(2022))),
            Inconsistent,
        ),
        (
            "Tax revenue in Denmark was 34.5% of GDP in 2020.",
            "2021-03-01",
            "34.5%",
            Some(("tax_revenue", "DNK", Some(2020))),
            ConsistentByRounding,
        ),
        // a share of something else
        (
            "Farming accounts for 10% of GDP in Kenya.",
            "2021-03-01",
            "10%",
            None,
            Unverifiable,
        ),
    ]);
}

#[test]
fn area_emissions_and_the_internet() {
    run(&[
        (
            "Australia covers an area of 7.7 million square kilometres.",
            "2021-03-01",
            "7.7 million square kilometres",
            Some(("surface_area", "AUS", Some(2021))),
            ConsistentByRounding,
        ),
        (
            "China emitted 11.3 billion tonnes of CO2 in 2021.",
            "2022-03-01",
            "11.3 billion tonnes",
            Some(("co2_emissions", "CHN", Some(2021))),
            ConsistentByRounding,
        ),
        (
            "In 2021, 38% of Kenyans used the internet.",
            "2022-05-01",
            "38%",
            Some(("internet_users", "KEN", Some(2021))),
            ConsistentByRounding,
        ),
    ]);
}

#[test]
fn the_other_families_right_and_wrong() {
    run(&[
        // land, density, urban share and count: levels for the article's year
        (
            "France has a land area of about 539,000 sq km.",
            "2023-06-15",
            "about 539,000 sq km",
            Some(("land_area", "FRA", Some(2023))),
            Consistent,
        ),
        (
            "France has a land area of 340,000 sq km.",
            "2023-06-15",
            "340,000 sq km",
            Some(("land_area", "FRA", Some(2023))),
            Inconsistent,
        ),
        (
            "Bangladesh has a population density of about 1,300 people per square kilometre.",
            "2023-06-15",
            "about 1,300 people",
            Some(("population_density", "BGD", Some(2023))),
            Consistent,
        ),
        (
            "In Japan, 92% of people live in urban areas.",
            "2023-06-15",
            "92%",
            Some(("urban_population_share", "JPN", Some(2023))),
            ConsistentByRounding,
        ),
        (
            "About 92% of Japan's population lives in urban areas.",
            "2023-06-15",
            "About 92%",
            Some(("urban_population_share", "JPN", Some(2023))),
            Consistent,
        ),
        (
            "Japan has an urban population of 115 million.",
            "2023-06-15",
            "115 million",
            Some(("urban_population", "JPN", Some(2023))),
            ConsistentByRounding,
        ),
        // growth per head is not the economy's growth
        (
            "India's GDP per capita grew 6.8% in 2022.",
            "2023-06-15",
            "6.8%",
            Some(("gdp_per_capita_growth", "IND", Some(2022))),
            ConsistentByRounding,
        ),
        (
            "India's GDP per capita grew 9.5% in 2022.",
            "2023-06-15",
            "9.5%",
            Some(("gdp_per_capita_growth", "IND", Some(2022))),
            Inconsistent,
        ),
        (
            "Brazil's GDP deflator rose 8.6% in 2022.",
            "2023-06-15",
            "8.6%",
            Some(("inflation_gdp_deflator", "BRA", Some(2022))),
            ConsistentByRounding,
        ),
        // income per head: Atlas in dollars, PPP in international dollars
        (
            "Nigeria's GNI per capita was $2,940 in 2022.",
            "2023-06-15",
            "$2,940",
            Some(("gni_per_capita_atlas", "NGA", Some(2022))),
            Consistent,
        ),
        // trade as a share of GDP and in dollars
        (
            "Germany's exports of goods and services were worth 45.6% of GDP in 2022.",
            "2023-06-15",
            "45.6%",
            Some(("exports_share", "DEU", Some(2022))),
            ConsistentByRounding,
        ),
        (
            "Vietnam's imports equalled 90% of GDP in 2022.",
            "2023-06-15",
            "90%",
            Some(("imports_share", "VNM", Some(2022))),
            ConsistentByRounding,
        ),
        (
            "Germany exported $1.9 trillion of goods and services in 2022.",
            "2023-06-15",
            "$1.9 trillion",
            Some(("exports_usd", "DEU", Some(2022))),
            ConsistentByRounding,
        ),
        (
            "Australia's carbon emissions per capita were 14.8 tonnes in 2022.",
            "2023-06-15",
            "14.8 tonnes",
            Some(("co2_emissions_per_capita", "AUS", Some(2022))),
            ConsistentByRounding,
        ),
        (
            "The UK's central government debt stood at 98% of GDP in 2022.",
            "2023-06-15",
            "98%",
            Some(("central_government_debt", "GBR", Some(2022))),
            Inconsistent,
        ),
        // the exchange rate serves conversions; a rate stated alone is not checked against it
        (
            "The Pakistani rupee averaged 205 to the dollar in 2022.",
            "2023-06-15",
            "205",
            None,
            Unverifiable,
        ),
    ]);
}

#[test]
fn aggregates() {
    run(&[
        (
            "The world's population reached 7.8 billion in 2019.",
            "2020-06-01",
            "7.8 billion",
            Some(("population", "WLD", Some(2019))),
            ConsistentByRounding,
        ),
        (
            "EU unemployment stood at 6.2% in 2022.",
            "2023-02-01",
            "6.2%",
            Some(("unemployment", "EUU", Some(2022))),
            ConsistentByRounding,
        ),
        (
            "Sub-Saharan Africa's economy grew 2.5% in 2019.",
            "2020-03-01",
            "2.5%",
            Some(("gdp_growth", "SSF", Some(2019))),
            ConsistentByRounding,
        ),
        (
            "Global CO2 emissions were 30 billion tonnes in 2021.",
            "2022-03-01",
            "30 billion tonnes",
            Some(("co2_emissions", "WLD", Some(2021))),
            Inconsistent,
        ),
    ]);
}

#[test]
fn cities_agglomeration_or_city_proper() {
    run(&[
        // "metropolitan area", "greater": the agglomeration (the UN's 2025 figure is a projection)
        (
            "Greater Tokyo, the world's largest metropolitan area, has 37 million people.",
            "2024-01-01",
            "37 million people",
            Some(("city_population_agglomeration", "WUP21671", Some(2025))),
            ConsistentByRounding,
        ),
        // "city proper": the city within its limits
        (
            "Tokyo's city proper has 9.7 million people.",
            "2024-01-01",
            "9.7 million people",
            Some(("city_population_proper", "GN1850147", None)),
            ConsistentByRounding,
        ),
        // no word says which: the nearer of the two
        (
            "Mumbai is home to 19 million people.",
            "2016-01-01",
            "19 million people",
            Some(("city_population_agglomeration", "WUP21206", Some(2015))),
            ConsistentByRounding,
        ),
        (
            "Mumbai is home to 12.7 million people.",
            "2016-01-01",
            "12.7 million people",
            Some(("city_population_proper", "GN1275339", None)),
            ConsistentByRounding,
        ),
        // a projection alone never makes a figure wrong
        (
            "Greater Tokyo has 31 million people.",
            "2024-01-01",
            "31 million people",
            Some(("city_population_agglomeration", "WUP21671", Some(2025))),
            Unverifiable,
        ),
    ]);
}

#[test]
fn lists_read_respectively() {
    run(&[
        (
            "In 2019 Kenya, Uganda and Tanzania had population growth rates of 2%, 3.4% and 3% respectively.",
            "2020-03-01",
            "3.4%",
            Some(("population_growth", "UGA", Some(2019))),
            ConsistentByRounding,
        ),
        (
            "In 2019 Kenya, Uganda and Tanzania had population growth rates of 2%, 3.4% and 3% respectively.",
            "2020-03-01",
            "3%",
            Some(("population_growth", "TZA", Some(2019))),
            ConsistentByRounding,
        ),
        // three figures, two places: no pairing is safe
        (
            "In 2019 Kenya and Uganda had population growth rates of 2%, 3.4% and 3% respectively.",
            "2020-03-01",
            "3.4%",
            None,
            Unverifiable,
        ),
    ]);
}

#[test]
fn what_is_not_a_statistic() {
    run(&[
        // several places together
        (
            "Kenya, Uganda and Tanzania have a combined population of 150 million.",
            "2020-05-01",
            "150 million",
            None,
            Unverifiable,
        ),
        // people who did something, or in a place: not its population
        (
            "About 5 million people have fled Syria since 2011.",
            "2016-01-01",
            "About 5 million people",
            None,
            Unverifiable,
        ),
        (
            "Some 13 million people in Syria need aid.",
            "2016-01-01",
            "Some 13 million people",
            None,
            Unverifiable,
        ),
        // a weak phrase needs the place by it
        (
            "Sales grew 5% in Germany in 2019.",
            "2020-03-01",
            "5%",
            None,
            Unverifiable,
        ),
        (
            "The gap between US exports and imports hit $600bn in 2018.",
            "2019-03-01",
            "$600bn",
            None,
            Unverifiable,
        ),
        // a forecast's year is after the article
        (
            "Japan's population is expected to fall to 105 million by 2050.",
            "2023-06-01",
            "105 million",
            None,
            Unverifiable,
        ),
        // the complement of another figure
        (
            "Two-thirds of the world's population, 5 billion people, live in Asia.",
            "2020-06-01",
            "5 billion people",
            None,
            Unverifiable,
        ),
        // a part of a country
        (
            "Unemployment is high in the east of Germany, where the rate is 18%.",
            "2020-06-01",
            "18%",
            None,
            Unverifiable,
        ),
    ]);
}

#[test]
fn the_json_report_names_the_statistic() {
    let lex = Lexicon::embedded();
    let reference = ReferenceSet::embedded(lex).unwrap();
    let checker = Checker::new(lex, &reference, CheckOptions::default());
    let mut doc = Document::from_text(
        "t.txt",
        "Life expectancy in Japan was 84.4 years in 2021.".into(),
        Format::Text,
    );
    doc.date = Date::parse("2022-09-01");
    let r = numcheck::check_document(&checker, &doc);
    let json = numcheck::report::renderer(
        numcheck::report::OutputFormat::Json,
        lex,
        numcheck::report::RenderOptions::default(),
    )
    .check(&numcheck::report::CheckRun::new(&[r], &[]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let st = &v["files"][0]["verdicts"][0]["fact"]["statistic"];
    assert_eq!(st["measure"], "life_expectancy");
    assert_eq!(st["table"], "life_expectancy_years");
    assert_eq!(st["code"], "JPN");
    assert_eq!(st["year"], 2021);
    assert_eq!(st["tolerance"], "0.5");
    assert_eq!(st["projection"], false);
}

#[test]
fn a_statistic_allows_its_own_tolerance() {
    // the jobless rate is an ILO modelled estimate, ±1 point; a population estimate ±2%
    let cases = [
        ("Unemployment in the UK was 4.7% in 2005.", "4.7%", true),
        ("Unemployment in the UK was 6.5% in 2005.", "6.5%", false),
        (
            "Kenya had 54.5 million people in 2023.",
            "54.5 million people",
            true,
        ),
        (
            "Kenya had 60 million people in 2023.",
            "60 million people",
            false,
        ),
    ];
    for (text, figure, within) in cases {
        let verdicts = check(text, "2024-06-15");
        let (_, st, kind, said) = verdicts
            .iter()
            .find(|v| v.0 == figure)
            .unwrap_or_else(|| panic!("{text}: no claim {figure}"));
        assert!(st.is_some(), "{text}: not linked");
        if within {
            // consistent, with a note that sources differ by that much
            assert_eq!(*kind, Consistent, "{text}: {said}");
            assert!(said.contains("differ by that much"), "{said}");
        } else {
            assert_eq!(*kind, Inconsistent, "{text}: {said}");
        }
    }
}

#[test]
fn a_first_estimate_is_allowed_the_revision_tolerance() {
    // a growth figure for the year just ended is the source's first estimate then: the series
    // has been revised since, by a point or more; years later the same figure must be close
    let text = "The German economy grew 1.6% in 2004, the statistics office said.";
    let early = check(text, "2005-02-20");
    let (_, st, kind, said) = early.iter().find(|v| v.0 == "1.6%").expect("claim");
    assert!(st.is_some(), "{said}");
    assert_eq!(*kind, Consistent, "{said}");
    assert!(said.contains("1.5pp"), "{said}");
    let late = check(text, "2009-06-01");
    let (_, _, kind, said) = late.iter().find(|v| v.0 == "1.6%").expect("claim");
    assert_eq!(*kind, Inconsistent, "{said}");
    // past the revision tolerance, a first estimate is still wrong
    let far = check("The German economy grew 4.5% in 2004.", "2005-02-20");
    assert_eq!(far[0].2, Inconsistent, "{}", far[0].3);
}
