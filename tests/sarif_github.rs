//! numcheck's SARIF read by GitHub's own rules: Microsoft's SARIF Multitool (`validate
//! --rule-kind Gh;Sarif`, the checks GitHub code scanning documents for uploads) must find
//! no error, and no warning but the one about `informationUri` while Cargo.toml names no
//! `repository` for it to point to.
//!
//! `.ci/run` installs the Multitool from the npm registry into `target/sarif-multitool/`;
//! where it is missing this test says so loudly and passes, except under CI (`CI` set), where
//! it fails.

use std::path::PathBuf;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_numcheck");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn multitool() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NUMCHECK_SARIF_MULTITOOL") {
        return Some(PathBuf::from(p));
    }
    let p = PathBuf::from(ROOT).join(
        "target/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool",
    );
    p.is_file().then_some(p)
}

#[test]
fn github_rules_find_nothing_wrong() {
    let Some(tool) = multitool() else {
        let msg = "the SARIF Multitool is not installed: SARIF was NOT checked by GitHub's rules \
                   (.ci/run installs it: npm install @microsoft/sarif-multitool-linux)";
        if std::env::var_os("CI").is_some() {
            panic!("{msg}");
        }
        eprintln!("\n**********\n* {msg}\n**********\n");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // the example, with notes, and a silenced finding
    let article = dir.path().join("article.md");
    let example =
        std::fs::read_to_string(PathBuf::from(ROOT).join("examples/europe-briefing.md")).unwrap();
    std::fs::write(
        &article,
        example + "\nA footbridge spans 120 metres (520 feet). <!-- numcheck:ignore -->\n",
    )
    .unwrap();
    let sarif = dir.path().join("numcheck.sarif");
    let r = Command::new(BIN)
        .args([
            "check",
            "article.md",
            "--all",
            "--format",
            "sarif",
            "-o",
            "numcheck.sarif",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(1));
    let out = Command::new(&tool)
        .args(["validate", "--rule-kind", "Gh;Sarif", "-o"])
        .arg(dir.path().join("validation.sarif"))
        .arg(&sarif)
        .output()
        .expect("the Multitool runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("Analysis completed successfully"), "{text}");
    let repository = option_env!("CARGO_PKG_REPOSITORY").unwrap_or_default();
    let problems: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(": error ") || l.contains(": warning "))
        .filter(|l| {
            !(repository.is_empty()
                && l.contains("warning SARIF2005")
                && l.contains("informationUri"))
        })
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}
