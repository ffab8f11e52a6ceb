//! The verdict rules, one folder of articles each (`tests/fixtures/check/<rule>/`): every
//! article is checked and its verdicts snapshotted as JSON — the structured evidence of each
//! verdict and the English the report stage writes from it. A file's name says what the
//! folder's rule must find (see `tests/fixtures/check/README.md`), so a fixture fails on its own
//! when the rule stops deciding what it was written for, whatever the snapshot says.

use std::path::{Path, PathBuf};

use numcheck::check::{CheckOptions, Checker, Evidence, FileReport, FrameKind, VerdictKind};
use numcheck::reference::ReferenceSet;
use numcheck::report::{self, link_label};
use numcheck::{Document, Lexicon};
use serde_json::{Value, json};

fn fixtures(rule: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check")
        .join(rule)
}

/// The shipped reference, with the folder's `facts.csv` when it has one.
fn reference(dir: &Path) -> ReferenceSet {
    let lex = Lexicon::embedded();
    let mut set = ReferenceSet::embedded(lex).expect("the shipped reference loads");
    let facts = dir.join("facts.csv");
    if facts.is_file() {
        let data = std::fs::read_to_string(&facts).unwrap();
        let mut problems = Vec::new();
        set.add_facts("facts.csv", &data, lex, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        set.rebuild_index();
    }
    set
}

/// Every verdict of a report as JSON: the claim, what decided and on what evidence, and the
/// English the report writes.
fn verdicts_json(r: &FileReport) -> Value {
    let lex = Lexicon::embedded();
    let verdicts: Vec<Value> = r
        .verdicts
        .iter()
        .map(|v| {
            let c = &r.claims[v.claim];
            let prose = report::explain(r, v, lex);
            json!({
                "claim": c.text,
                "line": c.line,
                "check": v.check().as_str(),
                "verdict": v.kind.as_str(),
                "severity": v.severity.map(|s| s.as_str()),
                "evidence": v.evidence,
                "fact": v.fact.as_ref().map(|f| &f.id),
                "other_facts": v.other_facts,
                "linked_by": v.linked_by.iter().map(link_label).collect::<Vec<_>>(),
                "expected": v.expected.map(|i| i.display()),
                "gap": v.gap,
                "frames": v.frames,
                "summary": prose.summary,
                "explanation": prose.explanation,
                "details": prose.details,
                "suggestion": prose.suggestion,
                "source_note": prose.source_note,
            })
        })
        .collect();
    Value::Array(verdicts)
}

/// What a fixture's name says the rule must find: a verdict kind, or none.
fn expected(stem: &str) -> Option<VerdictKind> {
    let prefix = stem.split('-').next().unwrap_or("");
    match prefix {
        "none" => None,
        "consistent" => Some(VerdictKind::Consistent),
        "consistent_by_rounding" => Some(VerdictKind::ConsistentByRounding),
        "inconsistent" => Some(VerdictKind::Inconsistent),
        "unverifiable" => Some(VerdictKind::Unverifiable),
        "ambiguous" => Some(VerdictKind::Ambiguous),
        other => panic!("{stem}: a fixture's name starts with a verdict or 'none', not '{other}'"),
    }
}

/// Checks every article of a rule's folder against its name and its snapshot.
fn run_rule(rule: &str) {
    let dir = fixtures(rule);
    let set = reference(&dir);
    let checker = Checker::new(Lexicon::embedded(), &set, CheckOptions::default());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 3, "{rule}: too few fixtures");
    for path in paths {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let name = format!("{rule}/{stem}.md");
        let bytes = std::fs::read(&path).unwrap();
        let doc = Document::from_bytes(&name, &bytes, None).unwrap();
        let r = numcheck::check_document(&checker, &doc);
        // claims checked as the base of another's check carry its id; the rule decided the other
        let by_rule: Vec<VerdictKind> = r
            .verdicts
            .iter()
            .filter(|v| v.check().as_str() == rule && !matches!(v.evidence, Evidence::Base(_)))
            .map(|v| v.kind)
            .collect();
        match expected(&stem) {
            None => assert!(by_rule.is_empty(), "{name}: {rule} decided {by_rule:?}"),
            Some(kind) => assert!(
                !by_rule.is_empty() && by_rule.iter().all(|k| *k == kind),
                "{name}: {rule} decided {by_rule:?}, not {kind:?}"
            ),
        }
        insta::with_settings!({
            snapshot_suffix => stem.clone(),
            description => std::fs::read_to_string(&path).unwrap(),
            omit_expression => true,
        }, {
            insta::assert_json_snapshot!(rule, verdicts_json(&r));
        });
    }
}

#[test]
fn conversion_fixtures() {
    run_rule("conversion");
}

#[test]
fn share_fixtures() {
    run_rule("share");
}

#[test]
fn reference_fixtures() {
    run_rule("reference");
}

#[test]
fn change_fixtures() {
    run_rule("change");
}

#[test]
fn total_fixtures() {
    run_rule("total");
}

#[test]
fn loose_bound_fixtures() {
    run_rule("loose_bound");
}

#[test]
fn restated_fixtures() {
    run_rule("restated");
}

/// The frames: one article per frame (`tests/fixtures/check/frames/<frame>-….md`), in which
/// some claim must have that frame; `none-….md` articles must have no frame but measure
/// mismatches (which only keep facts of other measures out).
#[test]
fn frame_fixtures() {
    let dir = fixtures("frames");
    let set = reference(&dir);
    let checker = Checker::new(Lexicon::embedded(), &set, CheckOptions::default());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    let mut seen = std::collections::BTreeSet::new();
    for path in paths {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let name = format!("frames/{stem}.md");
        let doc = Document::from_bytes(&name, &std::fs::read(&path).unwrap(), None).unwrap();
        let r = numcheck::check_document(&checker, &doc);
        let kinds: Vec<&str> = r
            .verdicts
            .iter()
            .flat_map(|v| v.frames.iter().map(|f| f.kind.as_str()))
            .collect();
        let want = stem.split('-').next().unwrap();
        if want == "none" {
            assert!(
                kinds.iter().all(|k| *k == "measure_mismatch"),
                "{name}: {kinds:?}"
            );
        } else {
            assert!(
                kinds.contains(&want),
                "{name}: no {want} frame in {kinds:?}"
            );
            seen.insert(want.to_string());
        }
        insta::with_settings!({
            snapshot_suffix => stem.clone(),
            description => std::fs::read_to_string(&path).unwrap(),
            omit_expression => true,
        }, {
            insta::assert_json_snapshot!("frames", verdicts_json(&r));
        });
    }
    let every: Vec<&str> = FrameKind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(
        seen.iter().map(String::as_str).collect::<Vec<_>>(),
        {
            let mut e = every.clone();
            e.sort();
            e
        },
        "a fixture for every frame"
    );
}
