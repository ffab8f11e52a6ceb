//! What the statistics cover, for `numcheck reference list` and `numcheck reference lookup`: the
//! catalogue one measure a block, and the facts a free-text query finds with their source, year
//! and notes. Text for a reader; the JSON is the serialised [`Measure`]s and [`Lookup`].

use crate::claim::fmt_num;
use crate::statistics::{Catalogue, Lookup, LookupFact, Measure};

/// The catalogue as text: each measure's id and name, unit, kind, tolerance, table, source and
/// code, the phrasings news uses for it, and what the source measures.
pub fn catalogue_text(cat: &Catalogue) -> String {
    let mut out = String::new();
    for m in cat.measures() {
        out.push_str(&measure_block(m));
        out.push('\n');
    }
    out.push_str(&format!(
        "{} measure{}\n",
        cat.measures().len(),
        if cat.measures().len() == 1 { "" } else { "s" }
    ));
    out
}

fn measure_block(m: &Measure) -> String {
    let mut b = format!("{} — {}\n", m.id, m.name());
    b.push_str(&format!(
        "  unit: {}; kind: {}; tolerance: {}; places: {}\n",
        m.unit.name(),
        m.kind.name(),
        m.tolerance,
        m.places.name()
    ));
    if let Some(y) = m.projection_from {
        b.push_str(&format!("  projections from {y}\n"));
    }
    b.push_str(&format!("  phrasings: {}\n", m.names.join(", ")));
    b.push_str(&format!("  table: statistics/{} ({})\n", m.table, m.code));
    b.push_str(&format!("  source: {}\n", m.source));
    if !m.definition.is_empty() {
        b.push_str(&format!("  measures: {}\n", m.definition));
    }
    b
}

/// The catalogue as JSON: an array of measures.
pub fn catalogue_json(cat: &Catalogue) -> String {
    serde_json::to_string_pretty(cat.measures()).unwrap_or_default() + "\n"
}

/// A lookup as text: what the query was read as, then one line per fact with its year and
/// source, and the notes that go with it.
pub fn lookup_text(l: &Lookup) -> String {
    let places: Vec<&str> = l.entities.iter().map(|e| e.id.as_str()).collect();
    let mut out = format!(
        "query: {:?} — places: {}; measures: {}; year: {}\n",
        l.query,
        if places.is_empty() {
            "none".to_string()
        } else {
            places.join(", ")
        },
        if l.measures.is_empty() {
            "any".to_string()
        } else {
            l.measures.join(", ")
        },
        l.year.map_or("latest".to_string(), |y| y.to_string()),
    );
    if l.facts.is_empty() {
        out.push_str(if places.is_empty() {
            "no place named that the gazetteer knows\n"
        } else {
            "no figure found\n"
        });
        return out;
    }
    for f in &l.facts {
        out.push_str(&fact_lines(f));
    }
    out
}

fn fact_lines(f: &LookupFact) -> String {
    let v = &f.value;
    let year = v.year.map_or("undated".to_string(), |y| format!("{y}"));
    let projection = if v.projection { ", projection" } else { "" };
    let mut s = format!(
        "{}, {} ({}): {} {} ({year}{projection}) — {}\n",
        f.entity_name,
        f.measure_name,
        f.measure,
        fmt_num(v.value),
        v.unit.name(),
        v.source
    );
    if let Some(n) = &v.note {
        s.push_str(&format!("  note: {n}\n"));
    }
    s
}

/// A lookup as JSON.
pub fn lookup_json(l: &Lookup) -> String {
    serde_json::to_string_pretty(l).unwrap_or_default() + "\n"
}
