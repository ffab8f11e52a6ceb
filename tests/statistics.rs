//! The statistics: shipped data valid, values per indicator family, aggregates, cities (agglomeration
//! vs city proper), gazetteer names, the catalogue's phrases, annual exchange rates, lookups, and
//! validation problems located at FILE:LINE:COLUMN.

use std::path::Path;
use std::str::FromStr;

use numcheck::statistics::{
    self, CityKind, EntityKind, Files, Form, Kind, Statistics, Tolerance, Unit, YearPolicy,
};
use rust_decimal::Decimal;

fn stats() -> &'static Statistics {
    Statistics::embedded()
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The figure of a measure for an entity and year, as published (before scaling).
fn published(measure: &str, entity: &str, year: i32) -> Decimal {
    stats()
        .value(measure, entity, year)
        .unwrap_or_else(|| panic!("no {measure} for {entity} in {year}"))
        .published
}

#[test]
fn shipped_statistics_are_valid() {
    let problems = statistics::validate_embedded();
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert!(shown.is_empty(), "{shown:#?}");
}

#[test]
fn catalogue_covers_every_table_and_the_wdi_indicators() {
    let cat = statistics::catalogue();
    assert_eq!(cat.measures().len(), 37);
    for m in cat.measures() {
        assert!(stats().table(&m.id).is_some(), "{} has no table", m.id);
        assert!(!m.source.is_empty() && !m.names.is_empty(), "{}", m.id);
    }
    for code in [
        "SP.POP.TOTL",
        "NY.GDP.MKTP.CD",
        "AG.SRF.TOTL.K2",
        "SL.UEM.TOTL.ZS",
        "FP.CPI.TOTL.ZG",
        "PA.NUS.FCRF",
        "IT.NET.USER.ZS",
    ] {
        assert!(cat.measures().iter().any(|m| m.code == code), "{code}");
    }
}

#[test]
fn population_gdp_and_area() {
    assert_eq!(published("population", "NGA", 2020), d("213996181"));
    assert_eq!(published("population", "WLD", 2020), d("7854748424"));
    assert_eq!(published("gdp_usd", "BRA", 2019), d("1873288205186"));
    assert_eq!(published("surface_area", "CAN", 2020), d("15640500"));
    assert_eq!(published("land_area", "EGY", 2020), d("995450"));
    let pop = stats().value("population", "NGA", 2020).unwrap();
    assert_eq!(pop.unit, Unit::Person);
    assert_eq!(pop.kind, Kind::Level);
    assert_eq!(pop.tolerance, Tolerance::Relative(d("0.02")));
    assert!(!pop.projection);
}

#[test]
fn income_and_growth() {
    assert_eq!(
        published("gdp_per_capita_usd", "DEU", 2022),
        d("50506.5179638543")
    );
    assert_eq!(
        published("gdp_per_capita_ppp", "IND", 2023),
        d("10323.4998734428")
    );
    assert_eq!(published("gdp_growth", "CHN", 2024), d("4.95830378788091"));
    assert_eq!(published("gni_per_capita_atlas", "NOR", 2023), d("101840"));
    assert_eq!(published("gni_ppp", "USA", 2022), d("26207041000000"));
    assert_eq!(published("gni_per_capita_ppp", "MEX", 2022), d("22600"));
    let growth = stats().value("gdp_growth", "CHN", 2024).unwrap();
    assert_eq!(growth.kind, Kind::Growth);
    assert_eq!(growth.tolerance, Tolerance::Points(d("0.3")));
}

#[test]
fn prices_jobs_and_the_uk_cpih_note() {
    assert_eq!(
        published("inflation_cpi", "TUR", 2023),
        d("53.8594087593315")
    );
    let uk = stats().value("inflation_cpi", "GBR", 2022).unwrap();
    assert_eq!(uk.published, d("7.92204883147902"));
    assert!(
        uk.note.as_deref().is_some_and(|n| n.contains("CPIH")),
        "{uk:?}"
    );
    assert_eq!(uk.tolerance, Tolerance::Points(d("1.5")));
    // the note is the UK's only: France keeps the catalogue's tolerance
    let fr = stats().value("inflation_cpi", "FRA", 2022).unwrap();
    assert!(fr.note.is_none());
    assert_eq!(fr.tolerance, Tolerance::Points(d("0.3")));
    assert_eq!(published("unemployment", "ESP", 2024), d("11.4"));
    let un = statistics::catalogue().get("unemployment").unwrap();
    assert!(un.definition.contains("ILO modelled"));
}

#[test]
fn people() {
    assert_eq!(published("life_expectancy", "JPN", 2020), d("84.56"));
    assert_eq!(published("life_expectancy_female", "FRA", 2023), d("85.7"));
    assert_eq!(published("life_expectancy_male", "RUS", 2021), d("65.51"));
    assert_eq!(published("fertility_rate", "KOR", 2023), d("0.721"));
    assert_eq!(
        published("population_growth", "NGA", 2024),
        d("2.08297776184189")
    );
    assert_eq!(
        published("population_density", "BGD", 2022),
        d("1300.36002610164")
    );
    assert_eq!(
        published("urban_population_share", "BRA", 2020),
        d("86.9112186503004")
    );
    assert_eq!(published("urban_population", "IND", 2020), d("478694801"));
    assert_eq!(published("internet_users", "KEN", 2021), d("38.2459"));
}

#[test]
fn shares_of_gdp_trade_and_money() {
    assert_eq!(
        published("health_expenditure", "USA", 2022),
        d("16.52875137")
    );
    assert_eq!(
        published("military_expenditure", "UKR", 2023),
        d("36.5281725077224")
    );
    assert_eq!(published("tax_revenue", "GBR", 2022), d("26.5536048949437"));
    assert_eq!(
        published("exports_share", "IRL", 2023),
        d("136.52636667411")
    );
    assert_eq!(published("imports_usd", "USA", 2023), d("3859856000000"));
    assert_eq!(published("exports_usd", "DEU", 2023), d("1960255682615.72"));
    assert_eq!(
        published("current_account", "CHN", 2023),
        d("257029393581.815")
    );
    assert_eq!(
        published("exchange_rate", "NGA", 2023),
        d("645.194067883201")
    );
    // central government debt is thin: Japan has no 2022 figure
    assert!(
        stats()
            .value("central_gov_debt_pct_gdp", "JPN", 2022)
            .is_none()
    );
    assert!(
        stats()
            .value("central_government_debt", "JPN", 2022)
            .is_none()
    );
}

#[test]
fn carbon_emissions_with_continents_and_bunkers() {
    assert_eq!(published("co2_emissions", "CHN", 2023), d("12172008000"));
    assert_eq!(published("co2_emissions", "WLD", 2023), d("38094040000"));
    assert_eq!(published("co2_emissions", "AFRICA", 2023), d("1481814400"));
    assert_eq!(
        published("co2_emissions", "INTL_SHIPPING", 2019),
        d("642052540")
    );
    assert_eq!(
        published("co2_emissions_per_capita", "QAT", 2022),
        d("41.2423")
    );
    let co2 = statistics::catalogue().get("co2_emissions").unwrap();
    assert!(co2.definition.contains("excluding land-use"));
    assert_eq!(co2.unit, Unit::Tonne);
}

#[test]
fn aggregates_of_the_world_bank() {
    assert_eq!(
        published("life_expectancy", "WLD", 2023),
        d("73.3302230276374")
    );
    assert_eq!(
        published("unemployment", "EUU", 2024),
        d("5.92300803762815")
    );
    assert_eq!(published("gdp_growth", "SSF", 2023), d("2.71446691675897"));
    assert_eq!(
        published("gdp_per_capita_usd", "HIC", 2023),
        d("49141.5400740302")
    );
    let gaz = stats().gazetteer();
    assert_eq!(gaz.aggregate("SSF").unwrap().kind, "region");
    assert_eq!(gaz.aggregate("HIC").unwrap().kind, "group");
    assert_eq!(gaz.aggregate("AFRICA").unwrap().kind, "continent");
}

#[test]
fn city_agglomeration_versus_city_proper() {
    let tokyo = stats().gazetteer().resolve("Tokyo");
    let ids: Vec<&str> = tokyo.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["WUP21671", "GN1850147"]);
    assert_eq!(tokyo[0].kind, EntityKind::City(CityKind::Agglomeration));
    assert_eq!(tokyo[1].kind, EntityKind::City(CityKind::CityProper));
    let agg = stats()
        .value("city_population_agglomeration", "WUP21671", 2015)
        .unwrap();
    assert_eq!(agg.published, d("37256.109"));
    assert_eq!(agg.value, d("37256109"), "published in thousands");
    assert!(!agg.projection);
    let later = stats()
        .value("city_population_agglomeration", "WUP21671", 2025)
        .unwrap();
    assert!(later.projection, "2025 is a 2018 projection");
    let proper = stats()
        .value_near(
            "city_population_proper",
            "GN1850147",
            2019,
            YearPolicy::Exact,
        )
        .unwrap();
    assert_eq!(proper.value, d("9733276"));
    assert_eq!(proper.year, None, "GeoNames figures are undated");
    assert!(agg.value > proper.value * d("3"));
    let city = stats().gazetteer().city("WUP21671").unwrap();
    assert!(
        city.definition.contains("Metropolitan"),
        "{}",
        city.definition
    );
}

#[test]
fn years_nearest_at_or_before_and_latest() {
    let s = stats();
    // UN city figures are five years apart
    assert!(
        s.value("city_population_agglomeration", "WUP22860", 2018)
            .is_none()
    );
    let near = s
        .value_near(
            "city_population_agglomeration",
            "WUP22860",
            2018,
            YearPolicy::Nearest(2),
        )
        .unwrap();
    assert_eq!((near.year, near.value), (Some(2020), d("9304016")));
    assert!(near.projection);
    let before = s
        .value_near(
            "city_population_agglomeration",
            "WUP22860",
            2018,
            YearPolicy::AtOrBefore(5),
        )
        .unwrap();
    assert_eq!(before.year, Some(2015));
    assert!(
        s.value_near(
            "city_population_agglomeration",
            "WUP22860",
            2018,
            YearPolicy::Nearest(1)
        )
        .is_none()
    );
    let latest = s
        .value_near("life_expectancy", "JPN", 1990, YearPolicy::Latest)
        .unwrap();
    assert_eq!(latest.year, Some(2024));
}

fn mention_ids(text: &str) -> Vec<(String, Vec<String>)> {
    stats()
        .gazetteer()
        .mentions(text)
        .into_iter()
        .map(|m| (m.text, m.entities.into_iter().map(|e| e.id).collect()))
        .collect()
}

fn first_ids(text: &str) -> Vec<String> {
    mention_ids(text)
        .into_iter()
        .map(|(_, ids)| ids[0].clone())
        .collect()
}

#[test]
fn gazetteer_short_and_former_names() {
    assert_eq!(
        first_ids("The U.S., the UK and Great Britain; America and the States."),
        ["USA", "GBR", "GBR", "USA", "USA"]
    );
    assert_eq!(
        first_ids("Swaziland, now Eswatini; Burma or Myanmar; Ivory Coast or Côte d'Ivoire."),
        ["SWZ", "SWZ", "MMR", "MMR", "CIV", "CIV"]
    );
    assert_eq!(
        first_ids("Macedonia and North Macedonia, the Czech Republic and Czechia, Holland."),
        ["MKD", "MKD", "CZE", "CZE", "NLD"]
    );
    assert_eq!(
        first_ids("Aid to the DRC and Congo-Kinshasa"),
        ["COD", "COD"]
    );
    let burma = stats().gazetteer().mentions("in Burma");
    assert_eq!(burma[0].form, Form::Former);
    assert!(burma[0].note.is_some());
}

#[test]
fn gazetteer_keeps_capitals_and_whole_words() {
    // "us" and "turkey" in lower case are words, not countries; Niger is not in Nigeria
    assert!(first_ids("tell us about the turkey dinner").is_empty());
    assert_eq!(first_ids("Nigeria and Niger"), ["NGA", "NER"]);
    assert_eq!(
        first_ids("Papua New Guinea and Equatorial Guinea"),
        ["PNG", "GNQ"]
    );
    // a name inside words that name something else is no mention
    assert_eq!(
        first_ids("New Mexico, New Jersey, Northern Ireland, the Niger Delta; Mexico"),
        ["MEX"]
    );
    let congo = mention_ids("floods in Congo");
    assert_eq!(congo[0].1, ["COD", "COG"], "ambiguous: both, the DRC first");
}

#[test]
fn gazetteer_demonyms() {
    let found = stats()
        .gazetteer()
        .mentions("Brazilians, the French and Dutch growers, Filipino nurses, Britons");
    let got: Vec<(&str, &str, Form)> = found
        .iter()
        .map(|m| (m.text.as_str(), m.entities[0].id.as_str(), m.form))
        .collect();
    assert_eq!(
        got,
        [
            ("Brazilians", "BRA", Form::Demonym),
            ("French", "FRA", Form::Demonym),
            ("Dutch", "NLD", Form::Demonym),
            ("Filipino", "PHL", Form::Demonym),
            ("Britons", "GBR", Form::Demonym),
        ]
    );
}

#[test]
fn gazetteer_aggregates() {
    assert_eq!(
        first_ids("The world, the EU and the eurozone, sub-Saharan Africa, OECD members"),
        ["WLD", "EUU", "EMU", "SSF", "OED"]
    );
    assert_eq!(
        first_ids("high-income countries and low-income countries"),
        ["HIC", "LIC"]
    );
    let na = mention_ids("emissions in North America");
    assert_eq!(na[0].1, ["NAC", "NORTH_AMERICA"]);
    // "America" inside a region's name is not the United States
    assert_eq!(
        first_ids("Central America, Latin America, South America and North American firms"),
        ["CENTRAL_AMERICA", "LCN", "SOUTH_AMERICA", "NAC"]
    );
}

#[test]
fn city_names_and_aliases() {
    let gaz = stats().gazetteer();
    let found = gaz.city_mentions("From Bombay to New York, then Moskva.");
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|m| (m.text.as_str(), m.entities[0].id.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Bombay", "GN1275339"),
            ("New York", "GN5128581"),
            ("Moskva", "WUP22299")
        ]
    );
    // each city comes with its other figure: Mumbai's agglomeration
    assert!(found[0].entities.iter().any(|e| e.id == "WUP21206"));
    // London, England before London, Ontario
    let london = gaz.resolve("London");
    assert_eq!(london[0].id, "WUP22860");
    assert_eq!(gaz.city(&london[0].id).unwrap().iso3, "GBR");
}

/// The measures named in a text, each once, in text order.
fn measure_ids(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in statistics::catalogue().measures_for_phrase(text) {
        if !out.contains(&m.measure.id) {
            out.push(m.measure.id.clone());
        }
    }
    out
}

#[test]
fn catalogue_phrases_news_uses() {
    assert_eq!(
        measure_ids("The jobless rate fell as fewer were out of work"),
        ["unemployment"]
    );
    assert_eq!(
        measure_ids("Women can expect to reach 86"),
        ["life_expectancy_female"]
    );
    assert_eq!(measure_ids("its carbon dioxide output"), ["co2_emissions"]);
    let le = statistics::catalogue().measures_for_phrase("life expectancy was 81");
    let primary: Vec<&str> = le
        .iter()
        .filter(|m| m.primary)
        .map(|m| m.measure.id.as_str())
        .collect();
    assert_eq!(primary, ["life_expectancy"]);
    assert_eq!(
        le.len(),
        3,
        "the female and male measures are candidates too"
    );
    // "GDP per head" is not GDP: only per-capita measures
    let m = statistics::catalogue().measures_for_phrase("GDP per head rose");
    assert!(m.iter().all(|x| x.measure.kind == Kind::PerCapita), "{m:?}");
    assert!(m.iter().any(|x| x.measure.id == "gdp_per_capita_usd"));
    // a rate and a share of GDP are told apart by their unit and kind
    let exports = statistics::catalogue().measures_for_phrase("exports");
    let kinds: Vec<(Kind, Unit)> = exports
        .iter()
        .map(|x| (x.measure.kind, x.measure.unit))
        .collect();
    assert_eq!(
        kinds,
        [(Kind::ShareOfGdp, Unit::Percent), (Kind::Level, Unit::Usd)]
    );
}

#[test]
fn annual_rates_for_currencies_the_ecb_does_not_quote() {
    let s = stats();
    let ngn = s.annual_rate("NGN", 2023).unwrap();
    assert_eq!(ngn.per_usd, d("645.194067883201"));
    assert_eq!(ngn.entity, "NGA");
    assert!(ngn.note.contains("World Bank") && ngn.note.contains("2023"));
    assert_eq!(
        s.annual_rate("PKR", 2022).unwrap().per_usd,
        d("204.867187469982")
    );
    assert_eq!(
        s.annual_rate("EGP", 2020).unwrap().per_usd,
        d("15.7591729166667")
    );
    assert_eq!(
        s.annual_rate("AFN", 2019).unwrap().per_usd,
        d("77.7379491783367")
    );
}

#[test]
fn annual_rates_through_the_euro_and_redenominations() {
    let s = stats();
    let eur = s.annual_rate("EUR", 2019).unwrap();
    assert_eq!(
        (eur.entity.as_str(), eur.per_usd),
        ("EMU", d("0.893276257067409"))
    );
    assert!(s.annual_rate("EUR", 1998).is_none(), "no euro before 1999");
    assert_eq!(
        s.annual_rate("FRF", 1998).unwrap().per_usd,
        d("5.89951566666667")
    );
    assert!(
        s.annual_rate("FRF", 2005).is_none(),
        "the franc ended in 1998"
    );
    // Croatia's kuna to 2022, the euro from 2023
    assert_eq!(s.annual_rate("HRK", 2022).unwrap().per_usd, d("7.1597415"));
    assert!(s.annual_rate("HRK", 2023).is_none());
    assert_eq!(s.currency_of("HRV", 2023).unwrap().0, "EUR");
    assert_eq!(s.currency_of("HRV", 2020).unwrap().0, "HRK");
    // Ghana's old cedi: the table is in new cedis, 10,000 old to one
    let ghc = s.annual_rate("GHC", 2006).unwrap();
    assert_eq!(ghc.per_usd, d("0.915106799166667") * d("10000"));
    assert!(ghc.note.contains("10,000 GHC"));
}

#[test]
fn lookup_free_text() {
    let l = statistics::lookup("Japan life expectancy 2020");
    assert_eq!(l.year, Some(2020));
    assert_eq!(l.measures, ["life_expectancy"]);
    assert_eq!(l.facts.len(), 1);
    assert_eq!(l.facts[0].value.value, d("84.56"));
    assert_eq!(l.facts[0].entity_name, "Japan");

    let women = statistics::lookup("female life expectancy in France 2023");
    assert_eq!(women.measures, ["life_expectancy_female"]);
    assert_eq!(women.facts[0].value.value, d("85.7"));

    let eu = statistics::lookup("EU jobless rate");
    assert_eq!(eu.measures, ["unemployment"]);
    assert_eq!(eu.facts[0].entity, "EUU");
    assert_eq!(eu.year, None);
    assert!(eu.facts[0].value.year.is_some_and(|y| y >= 2024));

    let city = statistics::lookup("Tokyo population 2025");
    let measures: Vec<&str> = city.facts.iter().map(|f| f.measure.as_str()).collect();
    assert_eq!(
        measures,
        ["city_population_agglomeration", "city_population_proper"]
    );
    assert!(city.facts[0].value.projection);

    // a lookup serialises for a JSON report: units and tolerances as the catalogue writes them
    let json = serde_json::to_value(&l).unwrap();
    assert_eq!(json["facts"][0]["value"]["unit"], "year");
    assert_eq!(json["facts"][0]["value"]["tolerance"], "0.5");
    assert_eq!(json["facts"][0]["value"]["value"], "84.56");
    assert_eq!(json["entities"][0]["kind"], "country");

    let all = statistics::lookup("Brazil 2020");
    assert!(all.measures.is_empty());
    assert!(all.facts.len() > 20, "every measure Brazil has");
}

/// A minimal set of files for validation tests: one gazetteer, a catalogue, tables.
fn files_with(catalogue: &str, tables: &[(&str, &str)]) -> Files {
    let mut all: Vec<(String, String, String)> = vec![
        (
            "statistics.csv".into(),
            "t/statistics.csv".into(),
            catalogue.into(),
        ),
        (
            "gazetteer/countries.csv".into(),
            "t/gazetteer/countries.csv".into(),
            "iso3,iso2,name,official_name,names,demonyms,currency,continent,un_region,un_subregion\n\
             AAA,AA,Alphaland,Republic of Alphaland,,Alphan|Alphans,AAD,EU,Europe,Northern Europe\n\
             BBB,BB,Betaland,Betaland,Beta,,BBD,AS,Asia,Eastern Asia\n"
                .into(),
        ),
        (
            "gazetteer/aggregates.csv".into(),
            "t/gazetteer/aggregates.csv".into(),
            "id,name,kind\nWLD,World,world\n".into(),
        ),
    ];
    for (name, text) in tables {
        all.push((
            format!("statistics/{name}"),
            format!("t/statistics/{name}"),
            (*text).into(),
        ));
    }
    let refs: Vec<(&str, &str, &str)> = all
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
        .collect();
    Files::from_texts(&refs)
}

const HEADER: &str =
    "id,names,unit,kind,scale,tolerance,projection_from,definition,source,code,table\n";

fn problems_of(files: Files) -> Vec<String> {
    Statistics::from_files(files)
        .validate()
        .iter()
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn validation_locates_bad_table_rows() {
    let cat = format!("{HEADER}widgets,widgets,person,level,1,2%,,,a source,,widgets.csv\n");
    let table = "id,name,2019,2020\n\
                 AAA,Alphaland,10,11\n\
                 BBB,Betaland,12\n\
                 CCC,Gammaland,1,2\n\
                 AAA,Alphaland,3,4\n\
                 WLD,World,5,x5\n";
    let shown = problems_of(files_with(&cat, &[("widgets.csv", table)]));
    assert_eq!(
        shown,
        [
            "t/statistics/widgets.csv:3:16: 3 fields where the header has 4",
            "t/statistics/widgets.csv:4:1: unknown id 'CCC': not in the gazetteer",
            "t/statistics/widgets.csv:5:1: duplicate id 'AAA'",
            "t/statistics/widgets.csv:6:13: bad number 'x5'",
        ]
    );
}

#[test]
fn validation_reports_bom_crlf_and_years_out_of_range() {
    let cat =
        format!("{HEADER}a,a,person,level,1,2%,,,s,,a.csv\nb,b,person,level,1,2%,,,s,,b.csv\n");
    let bom_crlf = "\u{feff}id,name,2019\r\nAAA,Alphaland,1\r\n";
    let old = "id,name,1699,1700\nAAA,Alphaland,1,2\n";
    let shown = problems_of(files_with(&cat, &[("a.csv", bom_crlf), ("b.csv", old)]));
    assert_eq!(
        shown,
        [
            "t/statistics/a.csv:1:1: byte-order mark at the start of the file; save it as UTF-8 without BOM",
            "t/statistics/a.csv:1:13: CRLF line end; the tables use LF (\\n) only",
            "t/statistics/b.csv:1:9: year 1699 out of range 1700–2100",
        ]
    );
}

#[test]
fn validation_of_catalogue_rows() {
    let cat = format!(
        "{HEADER}\
         ok,widgets,person,level,1,2%,,,a source,,w.csv\n\
         badunit,widgets,furlong,level,1,2%,,,a source,,w.csv\n\
         badkind,widgets,person,stock,1,2%,,,a source,,w.csv\n\
         badtol,widgets,person,level,1,two,,,a source,,w.csv\n\
         pp,widgets,person,level,1,0.5pp,,,a source,,w.csv\n\
         nosource,widgets,person,level,1,2%,,,,,w.csv\n\
         badyear,widgets,person,level,1,2%,2200,,a source,,w.csv\n\
         ragged,widgets,person\n\
         missing,widgets,person,level,1,2%,,,a source,,nothere.csv\n"
    );
    let shown = problems_of(files_with(&cat, &[("w.csv", "id,name,2020\nAAA,A,1\n")]));
    let expected_starts = [
        "t/statistics.csv:3:17: unknown unit 'furlong'",
        "t/statistics.csv:4:24: unknown kind 'stock'",
        "t/statistics.csv:5:31: bad tolerance 'two'",
        "t/statistics.csv:6:27: a tolerance in percentage points needs the unit 'percent'",
        "t/statistics.csv:7:38: no source",
        "t/statistics.csv:8:35: bad projection_from '2200'",
        "t/statistics.csv:9:22: 3 fields where the header has 11",
        "t/statistics.csv:10:47: unknown table file 'nothere.csv'",
    ];
    assert_eq!(shown.len(), expected_starts.len(), "{shown:#?}");
    for (got, want) in shown.iter().zip(expected_starts) {
        assert!(got.starts_with(want), "{got}\n  expected {want}");
    }
}

#[test]
fn validation_of_gazetteer_and_notes() {
    let cat = format!("{HEADER}a,a,person,level,1,2%,,,s,,a.csv\n");
    let mut files = files_with(&cat, &[("a.csv", "id,value\nAAA,1\n")]);
    files.add_text(
        "gazetteer/aliases.csv",
        "t/gazetteer/aliases.csv",
        "id,alias,kind,note\nAAA,Alpha,name,\nZZZ,Zed,name,\nBBB,Betas,plural,\n".into(),
    );
    files.add_text(
        "gazetteer/cities.csv",
        "t/gazetteer/cities.csv",
        "id,kind,iso3,name,aliases,same_place,definition\n\
         WUP1,agglomeration,AAA,Alpha City,,GN2,\n\
         GN2,city_proper,QQQ,Alpha City,,WUP9,\n\
         GN3,agglomeration,AAA,Gamma,,,\n"
            .into(),
    );
    files.add_text(
        "statistics-notes.csv",
        "t/statistics-notes.csv",
        "measure,id,from_year,to_year,tolerance,note\n\
         a,AAA,,,1%,fine\n\
         b,AAA,,,,no such measure\n\
         a,XXX,2020,2010,,years backwards and unknown id\n\
         a,YYY,,,,unknown id\n"
            .into(),
    );
    let shown = problems_of(files);
    assert_eq!(
        shown,
        [
            "t/statistics-notes.csv:4:7: from_year after to_year",
            "t/gazetteer/aliases.csv:4:11: unknown kind 'plural' (one of: name, former, demonym, not_a_place)",
            "t/gazetteer/cities.csv:4:5: bad kind 'agglomeration' for 'GN3': agglomeration (WUP…) or city_proper (GN…)",
            "t/gazetteer/aliases.csv:3:1: unknown id 'ZZZ'",
            "t/gazetteer/cities.csv:3:17: unknown country 'QQQ'",
            "t/gazetteer/cities.csv:3:33: same_place 'WUP9' is not a city",
            "t/statistics-notes.csv:3:1: unknown measure 'b'",
            "t/statistics-notes.csv:5:3: unknown id 'YYY'",
        ]
    );
}

#[test]
fn a_table_no_measure_uses_is_reported() {
    let cat = format!("{HEADER}a,a,person,level,1,2%,,,s,,a.csv\n");
    let shown = problems_of(files_with(
        &cat,
        &[
            ("a.csv", "id,value\nAAA,1\n"),
            ("orphan.csv", "id,value\nAAA,2\n"),
        ],
    ));
    assert_eq!(
        shown,
        ["t/statistics/orphan.csv:1:1: table not in the catalogue: add a row to statistics.csv"]
    );
}

#[test]
fn a_newsroom_adds_an_indicator_with_one_table_and_one_row() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("statistics")).unwrap();
    std::fs::write(
        dir.path().join("statistics.csv"),
        format!(
            "{HEADER}minimum_wage,minimum wage|minimum hourly wage,USD,level,1,1%,,hourly,Our desk,,minimum_wage.csv\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("statistics/minimum_wage.csv"),
        "id,name,2023,2024\nGBR,United Kingdom,12.8,14.1\n",
    )
    .unwrap();
    assert_eq!(statistics::validate_dir(dir.path()), vec![]);
    let s = Statistics::with_dirs(&[dir.path().to_path_buf()]).unwrap();
    let v = s.value("minimum_wage", "GBR", 2024).unwrap();
    assert_eq!((v.value, v.source.as_str()), (d("14.1"), "Our desk"));
    let found = s.catalogue().measures_for_phrase("the UK minimum wage");
    assert_eq!(found[0].measure.id, "minimum_wage");
    // the shipped measures are still there
    assert!(s.value("population", "GBR", 2020).is_some());

    // a bad cell in the directory is reported with its path
    std::fs::write(
        dir.path().join("statistics/minimum_wage.csv"),
        "id,name,2023,2024\nGBR,United Kingdom,12.8,14,1\n",
    )
    .unwrap();
    let problems = statistics::validate_dir(dir.path());
    assert_eq!(problems.len(), 1, "{problems:?}");
    let shown = problems[0].to_string();
    let file = dir.path().join("statistics/minimum_wage.csv");
    assert_eq!(
        shown,
        format!("{}:2:28: 5 fields where the header has 4", file.display())
    );
    assert!(Statistics::with_dirs(&[dir.path().to_path_buf()]).is_err());
}

/// The shipped tables hold the raw sources' values unchanged (needs `../shared`).
#[test]
fn tables_equal_the_raw_sources() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference-sources/wdi");
    assert!(
        root.is_dir(),
        "{} is missing: this test checks the tables against their sources",
        root.display()
    );
    let s = stats();
    let mut checked = 0;
    for m in statistics::catalogue().measures() {
        let stem = m.table.trim_end_matches(".csv");
        let path = root.join(format!("{stem}.csv"));
        if !path.is_file() {
            continue; // population, GDP, the city tables come from elsewhere
        }
        let mut text = std::fs::read_to_string(&path).unwrap();
        let aggregates = root.join("aggregates").join(format!("{stem}.csv"));
        if let Ok(more) = std::fs::read_to_string(&aggregates) {
            // aggregates with a World Bank code (names may be quoted: "Middle East, North Africa…")
            text.extend(
                more.lines()
                    .skip(1)
                    .filter(|l| !l.starts_with(',') && !l.starts_with("OWID_"))
                    .map(|l| format!("{l}\n")),
            );
        }
        for (i, line) in text.lines().skip(1).enumerate() {
            if i % 50 != 0 && !line.contains('"') {
                continue;
            }
            let f: Vec<&str> = line.rsplitn(3, ',').collect();
            let (value, year) = (f[0], f[1].parse::<i32>().unwrap());
            let id = line.split(',').next().unwrap();
            let got = s
                .value(&m.id, id, year)
                .unwrap_or_else(|| panic!("{}: no {id} {year}", m.table));
            assert_eq!(got.published, d(value), "{} {id} {year}", m.table);
            checked += 1;
        }
    }
    assert!(checked > 5000, "{checked}");
}
