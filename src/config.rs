//! The project configuration file, `numcheck.toml` (or `.numcheck.toml`). Each article is
//! checked with the nearest configuration file in its folder or a parent folder, as ruff does;
//! run-wide settings (`format`, `fail_on`) come from the one nearest the working directory.
//! [`ConfigSet`] finds and caches them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use globset::GlobMatcher;
use serde::{Deserialize, Deserializer};

use crate::check::FailOn;
use crate::error::DataError;
use crate::normalise::Tolerances;
use crate::report::OutputFormat;
use crate::triage::suppress::Scope;

/// Settings a newsroom keeps beside its articles.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Reference directories added to the defaults, relative to the config file.
    #[serde(default)]
    pub reference: Vec<PathBuf>,
    /// Default `--fail-on`.
    pub fail_on: Option<FailOn>,
    /// Default `--format` for `check`.
    pub format: Option<OutputFormat>,
    /// How far "about" and "nearly" widen a value.
    pub tolerances: Option<Tolerances>,
    /// When a folder is walked, only files matching one of these globs (relative to the config
    /// file's folder) are read; none means every article.
    #[serde(default)]
    pub include: Vec<PathGlob>,
    /// When a folder is walked, files matching any of these globs are skipped.
    #[serde(default)]
    pub exclude: Vec<PathGlob>,
    /// Checks silenced in whole files: a glob (relative to the config file's folder) to a list
    /// of check names, or `["all"]`.
    #[serde(default, deserialize_with = "in_order")]
    pub per_file_ignores: Vec<(PathGlob, Scope)>,
    /// Where the file was found.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// A glob over paths relative to a configuration file's folder (`articles/**/*.md`).
#[derive(Debug, Clone)]
pub struct PathGlob {
    /// As written.
    pub text: String,
    matcher: GlobMatcher,
}

impl PathGlob {
    /// Parses a glob; `/` separates folders and `**` crosses them.
    pub fn new(text: &str) -> Result<PathGlob, globset::Error> {
        let glob = globset::GlobBuilder::new(text)
            .literal_separator(true)
            .build()?;
        Ok(PathGlob {
            text: text.to_string(),
            matcher: glob.compile_matcher(),
        })
    }

    /// Does a relative path match, as in `.gitignore`? A glob with a `/` matches the path or a
    /// folder it is in; one without matches any of its names (a file or a folder anywhere).
    pub fn matches(&self, relative: &Path) -> bool {
        if self.text.contains('/') {
            relative
                .ancestors()
                .any(|a| !a.as_os_str().is_empty() && self.matcher.is_match(a))
        } else {
            relative
                .components()
                .any(|c| self.matcher.is_match(Path::new(c.as_os_str())))
        }
    }
}

impl<'de> Deserialize<'de> for PathGlob {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = toml::Spanned::<String>::deserialize(d)?;
        PathGlob::new(s.get_ref())
            .map_err(|e| located(s.span().start, &format!("bad glob '{}': {e}", s.get_ref())))
    }
}

/// An error at a byte offset of the file: toml reports errors inside an array at the array,
/// so the offset of the element at fault rides in the message until [`Config::parse`] turns
/// it into a line.
pub(crate) fn located<E: serde::de::Error>(offset: usize, message: &str) -> E {
    E::custom(format!("{message}{AT}{offset}"))
}

const AT: &str = "\u{0}at byte ";

/// The names the configuration file may have, in order of preference.
pub(crate) const CONFIG_NAMES: &[&str] = &["numcheck.toml", ".numcheck.toml"];

impl Config {
    /// The first configuration file in `start` or a parent directory; the default if none.
    pub fn discover(start: &Path) -> Result<Config, DataError> {
        let mut dir = Some(start);
        while let Some(d) = dir {
            if let Some(p) = config_in(d) {
                return Config::load(&p);
            }
            dir = d.parent();
        }
        Ok(Config::default())
    }

    /// Reads one configuration file. A bad setting (an unknown key anywhere, a bad value) is
    /// an error naming the file and line.
    pub fn load(path: &Path) -> Result<Config, DataError> {
        let text = std::fs::read_to_string(path).map_err(|e| DataError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        let mut cfg = Config::parse(&path.display().to_string(), &text)?;
        cfg.path = Some(path.to_path_buf());
        Ok(cfg)
    }

    /// Parses the text of a configuration file named `file`.
    pub fn parse(file: &str, text: &str) -> Result<Config, DataError> {
        let cfg: Config = toml::from_str(text).map_err(|e| {
            let mut line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
            let mut message = e.message().to_string();
            if let Some((m, at)) = message.split_once(AT) {
                line = at.trim().parse().map_or(line, |at| line_of(text, at));
                message = m.to_string();
            }
            DataError::Row {
                file: file.to_string(),
                line,
                message,
            }
        })?;
        if let Some(t) = &cfg.tolerances
            && let Err((key, message)) = t.validate()
        {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with(key))
                .map_or(0, |i| i as u64 + 1);
            return Err(DataError::Row {
                file: file.to_string(),
                line,
                message: format!("tolerances.{key}: {message}"),
            });
        }
        Ok(cfg)
    }

    /// The folder the file's relative paths start from.
    pub fn base(&self) -> PathBuf {
        self.path
            .as_ref()
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
            .unwrap_or_default()
    }

    /// Reference directories resolved against the config file's folder.
    pub fn reference_dirs(&self) -> Vec<PathBuf> {
        let base = self.base();
        self.reference.iter().map(|r| base.join(r)).collect()
    }

    /// Is a walked file (`relative` to the config file's folder) to be read?
    pub fn selects(&self, relative: &Path) -> bool {
        (self.include.is_empty() || self.include.iter().any(|g| g.matches(relative)))
            && !self.exclude.iter().any(|g| g.matches(relative))
    }

    /// The checks silenced in a whole file (`relative` to the config file's folder).
    pub fn ignores_for(&self, relative: &Path) -> Vec<Scope> {
        self.per_file_ignores
            .iter()
            .filter(|(g, _)| g.matches(relative))
            .map(|(_, s)| s.clone())
            .collect()
    }
}

/// A table read as a list of entries, in the order written.
fn in_order<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(PathGlob, Scope)>, D::Error> {
    struct Entries;
    impl<'de> serde::de::Visitor<'de> for Entries {
        type Value = Vec<(PathGlob, Scope)>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a table of globs to lists of check names")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(entry) = map.next_entry::<PathGlob, Scope>()? {
                out.push(entry);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Entries)
}

/// A configuration file in `dir`, if there is one.
fn config_in(dir: &Path) -> Option<PathBuf> {
    CONFIG_NAMES
        .iter()
        .map(|name| dir.join(name))
        .find(|p| p.is_file())
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> u64 {
    let before = &text.as_bytes()[..offset.min(text.len())];
    before.iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

/// Every configuration file a run meets, loaded once each, and which one applies to a folder.
#[derive(Debug, Default)]
pub struct ConfigSet {
    configs: Vec<Config>,
    by_dir: HashMap<PathBuf, Option<usize>>,
}

impl ConfigSet {
    /// An empty set.
    pub fn new() -> ConfigSet {
        ConfigSet::default()
    }

    /// The configuration that applies to files in `dir` (the nearest in it or a parent), by
    /// index, or `None` when there is none. `dir` is made absolute first.
    pub fn for_dir(&mut self, dir: &Path) -> Result<Option<usize>, DataError> {
        let abs = absolute(dir);
        let mut chain = Vec::new();
        let mut found = None;
        let mut cur = Some(abs.as_path());
        while let Some(d) = cur {
            if let Some(&known) = self.by_dir.get(d) {
                found = known;
                break;
            }
            chain.push(d.to_path_buf());
            if let Some(p) = config_in(d) {
                let cfg = Config::load(&p)?;
                self.configs.push(cfg);
                found = Some(self.configs.len() - 1);
                break;
            }
            cur = d.parent();
        }
        for d in chain {
            self.by_dir.insert(d, found);
        }
        Ok(found)
    }

    /// The configuration that applies to a file.
    pub fn for_file(&mut self, file: &Path) -> Result<Option<usize>, DataError> {
        let abs = absolute(file);
        let dir = abs.parent().unwrap_or(Path::new("/")).to_path_buf();
        self.for_dir(&dir)
    }

    /// A configuration by index.
    pub fn get(&self, i: usize) -> &Config {
        &self.configs[i]
    }

    /// Every configuration loaded so far, in the order met.
    pub fn all(&self) -> &[Config] {
        &self.configs
    }

    /// The path of `file` relative to the folder of configuration `i` (the file's own path if
    /// it is not below it).
    pub fn relative(&self, i: usize, file: &Path) -> PathBuf {
        let base = absolute(&self.configs[i].base());
        let abs = absolute(file);
        abs.strip_prefix(&base)
            .map(Path::to_path_buf)
            .unwrap_or(abs)
    }
}

/// `p` made absolute against the working directory, `.` and `..` resolved by name.
pub(crate) fn absolute(p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_read() {
        let cfg = Config::parse(
            "numcheck.toml",
            "fail_on = \"never\"\nformat = \"Markdown\"\nreference = [\"facts\"]\n",
        )
        .unwrap();
        assert_eq!(cfg.fail_on, Some(FailOn::Never));
        assert_eq!(cfg.format, Some(OutputFormat::Markdown));
        assert_eq!(cfg.reference, vec![PathBuf::from("facts")]);
    }

    #[test]
    fn a_bad_format_or_fail_level_names_file_and_line() {
        let e = Config::parse("numcheck.toml", "fail_on = \"never\"\nformat = \"xml\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("numcheck.toml:2: unknown format 'xml'"),
            "{e}"
        );
        let e = Config::parse("numcheck.toml", "\nfail_on = \"sometimes\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("numcheck.toml:2: unknown fail level 'sometimes'"),
            "{e}"
        );
        let e = Config::parse(
            "numcheck.toml",
            "[tolerances]\napproximately = 0.1\nnearly = -0.2\ncurrency_rate = 0.03\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("numcheck.toml:3: tolerances.nearly: -0.2 is negative"),
            "{e}"
        );
        let e = Config::parse("numcheck.toml", "colour = true\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("numcheck.toml:1: unknown field `colour`"),
            "{e}"
        );
    }

    #[test]
    fn errors_inside_tables_name_their_line() {
        let e = Config::parse(
            "c.toml",
            "format = \"text\"\n[tolerances]\nnearly = \"0.1\"\napproximatly = \"0.2\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("c.toml:4: unknown field `approximatly`"),
            "{e}"
        );
        let e = Config::parse("c.toml", "[tolerances]\n\nnearly = \"1.5\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml:3: "), "{e}");
        assert!(e.contains("tolerances.nearly: 1.5 is not below 1"), "{e}");
        let e = Config::parse("c.toml", "exclude = [\"ok/**\",\n  \"bad[\"]\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml:2: bad glob 'bad['"), "{e}");
        let e = Config::parse(
            "c.toml",
            "[per_file_ignores]\n\"a/*.md\" = [\"reference\"]\n\"b.md\" = [\"refrence\"]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("c.toml:3: unknown check 'refrence'"), "{e}");
    }

    #[test]
    fn globs_select_and_ignore_by_relative_path() {
        let cfg = Config::parse(
            "c.toml",
            "include = [\"news/**\"]\nexclude = [\"drafts\", \"*.txt\"]\n[per_file_ignores]\n\"news/archive/*\" = [\"reference\", \"share\"]\n",
        )
        .unwrap();
        assert!(cfg.selects(Path::new("news/a.md")));
        assert!(!cfg.selects(Path::new("blog/a.md")));
        assert!(!cfg.selects(Path::new("news/drafts/a.md")));
        assert!(!cfg.selects(Path::new("news/a.txt")));
        assert_eq!(cfg.ignores_for(Path::new("news/archive/old.md")).len(), 1);
        assert!(cfg.ignores_for(Path::new("news/old.md")).is_empty());
    }
}
