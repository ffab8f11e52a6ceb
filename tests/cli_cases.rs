//! The command line as users drive it, written as data: every `tests/cmd/*.toml` and
//! `tests/cmd/*.md` case runs the built `numcheck` binary and compares its exit status, standard
//! output and standard error with what the case expects.
//!
//! - `NAME.toml` gives `args` (and `stdin`, `env`, `fs.cwd` where needed) with the expected
//!   `status.code`, `stdout` and `stderr`, inline or in `NAME.stdout` / `NAME.stderr`.
//! - `NAME.md` is a transcript: each ```` ```console ```` block holds `$ numcheck …` lines, an
//!   optional `? CODE` line, then what the command prints (standard output and error together).
//! - `NAME.in/` holds the files a case reads and is its working directory; `NAME.out/` holds the
//!   files a case must leave behind (the case then runs in a copy of `NAME.in/`).
//! - In expected output, `...` on its own line skips lines and `[..]` skips part of a line;
//!   `[ROOT]` stands for the folder the case runs in.
//!
//! To see what a changed command prints, run `TRYCMD=dump cargo test --test cli_cases` and read
//! the files written under `dump/` before taking any of them over.

use std::path::Path;

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cmd");

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .register_bin("numcheck", Path::new(env!("CARGO_BIN_EXE_numcheck")))
        .default_bin_name("numcheck")
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*.md");
}

/// trycmd skips without a word a case naming a program it cannot find, and a transcript block
/// in a language it does not read, and leaves unchecked a stream a case says nothing about: every
/// case here runs `numcheck`, says what it expects of each stream, and counts.
#[test]
fn every_case_runs_numcheck() {
    let mut cases = 0;
    for entry in std::fs::read_dir(CASES).expect("tests/cmd exists") {
        let path = entry.unwrap().path();
        let text = || std::fs::read_to_string(&path).unwrap();
        match path.extension().and_then(|e| e.to_str()) {
            Some("toml") => {
                let case: toml::Table =
                    toml::from_str(&text()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                assert!(
                    !case.contains_key("bin"),
                    "{}: cases run the default binary, numcheck",
                    path.display()
                );
                assert!(
                    case.contains_key("args") && case.contains_key("status"),
                    "{}: a case gives its args and its expected status",
                    path.display()
                );
                for stream in ["stdout", "stderr"] {
                    assert!(
                        case.contains_key(stream) || path.with_extension(stream).is_file(),
                        "{}: a case says what it expects on {stream}, even if nothing",
                        path.display()
                    );
                }
                cases += 1;
            }
            Some("md") => {
                let text = text();
                let commands: Vec<&str> = text.lines().filter(|l| l.starts_with("$ ")).collect();
                assert!(!commands.is_empty(), "{}: no command", path.display());
                for c in commands {
                    let program = c[2..].split_whitespace().find(|w| !w.contains('='));
                    assert_eq!(program, Some("numcheck"), "{}: {c}", path.display());
                }
                for fence in text.lines().filter(|l| l.starts_with("```") && l.len() > 3) {
                    assert_eq!(
                        fence,
                        "```console",
                        "{}: only console blocks",
                        path.display()
                    );
                }
                cases += 1;
            }
            _ => {}
        }
    }
    assert!(cases >= 20, "only {cases} cases found in {CASES}");
}
