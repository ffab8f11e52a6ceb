//! Load time of the statistics: one table (decompress and index), every table, the gazetteer's
//! countries and its cities, and a value lookup on a loaded table.

use criterion::{Criterion, criterion_group, criterion_main};
use numcheck::statistics::{Files, Statistics, YearPolicy};

fn fresh() -> Statistics {
    Statistics::from_files(Files::embedded())
}

fn bench(c: &mut Criterion) {
    c.bench_function("statistics: catalogue (start-up)", |b| b.iter(fresh));
    c.bench_function("statistics: one table (life expectancy)", |b| {
        b.iter(|| {
            let s = fresh();
            assert!(s.table("life_expectancy").is_some());
        })
    });
    c.bench_function("statistics: every table", |b| {
        b.iter(|| {
            let s = fresh();
            let ids: Vec<String> = s
                .catalogue()
                .measures()
                .iter()
                .map(|m| m.id.clone())
                .collect();
            for id in ids {
                assert!(s.table(&id).is_some(), "{id}");
            }
        })
    });
    c.bench_function("statistics: gazetteer countries and aggregates", |b| {
        b.iter(|| {
            let s = fresh();
            assert!(!s.gazetteer().mentions("the US and Brazil").is_empty());
        })
    });
    c.bench_function("statistics: gazetteer cities", |b| {
        b.iter(|| {
            let s = fresh();
            assert!(!s.gazetteer().city_mentions("Tokyo").is_empty());
        })
    });
    let s = Statistics::embedded();
    let _ = s.table("gdp_per_capita_usd");
    c.bench_function("statistics: one value, nearest year", |b| {
        b.iter(|| s.value_near("gdp_per_capita_usd", "BRA", 2019, YearPolicy::Nearest(2)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
