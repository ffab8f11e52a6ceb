//! What a `check` run loads once: the lexicon (one for the run) and a reference set and
//! tolerances for each configuration that applies to some article, so that each article is
//! checked with the settings of its nearest `numcheck.toml`.

use std::path::PathBuf;

use crate::check::{CheckOptions, Checker, FrameTable};
use crate::config::ConfigSet;
use crate::error::RunError;
use crate::lexicon::Lexicon;
use crate::normalise::Tolerances;
use crate::reference::ReferenceSet;

/// The loaded data of a run: a lexicon, and per configuration a reference set.
pub struct Engines {
    lexicon: Option<Lexicon>,
    references: Vec<ReferenceSet>,
    /// For "no configuration" (index 0) and each configuration i (index i + 1): which
    /// reference set and which tolerances.
    plans: Vec<(usize, Tolerances)>,
    /// The frames table with the rows of every reference directory's `frames.csv`, if any.
    frames: Option<FrameTable>,
}

impl Engines {
    /// Loads what the configurations met so far and the command line's `--reference`
    /// directories need. Lexicon tables may come from one directory only, whichever
    /// configuration names it.
    pub fn build(
        configs: &ConfigSet,
        extra: &[PathBuf],
        default_reference: bool,
    ) -> Result<Engines, RunError> {
        let dirs_of = |i: Option<usize>| {
            let mut dirs = i
                .map(|i| configs.get(i).reference_dirs())
                .unwrap_or_default();
            dirs.extend(extra.iter().cloned());
            dirs
        };
        let mut all_dirs: Vec<PathBuf> = Vec::new();
        for i in std::iter::once(None).chain((0..configs.all().len()).map(Some)) {
            for d in dirs_of(i) {
                let canon = d.canonicalize().unwrap_or(d);
                if !all_dirs.contains(&canon) {
                    all_dirs.push(canon);
                }
            }
        }
        let lexicon = super::extended_lexicon(&all_dirs)?;
        let frames = match FrameTable::files_in(&all_dirs)? {
            extra if extra.is_empty() => None,
            extra => Some(FrameTable::with_tables(&extra)?),
        };
        let lex = lexicon.as_ref().unwrap_or_else(|| Lexicon::embedded());
        let mut references = Vec::new();
        let mut keys: Vec<Vec<PathBuf>> = Vec::new();
        let mut plans = Vec::new();
        for i in std::iter::once(None).chain((0..configs.all().len()).map(Some)) {
            let dirs = dirs_of(i);
            let tol = i
                .and_then(|i| configs.get(i).tolerances)
                .unwrap_or_default();
            let at = match keys.iter().position(|k| *k == dirs) {
                Some(at) => at,
                None => {
                    let base = if default_reference {
                        ReferenceSet::embedded(lex)?
                    } else {
                        ReferenceSet::empty(lex)
                    };
                    references.push(base.with_dirs(&dirs, lex)?);
                    keys.push(dirs);
                    references.len() - 1
                }
            };
            plans.push((at, tol));
        }
        Ok(Engines {
            lexicon,
            references,
            plans,
            frames,
        })
    }

    /// The run's lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        self.lexicon.as_ref().unwrap_or_else(|| Lexicon::embedded())
    }

    /// A checker for articles with no configuration (index 0) and one for each configuration
    /// i (index i + 1).
    pub fn checkers(&self) -> Vec<Checker<'_>> {
        self.plans
            .iter()
            .map(|&(at, tolerances)| {
                let c = Checker::new(
                    self.lexicon(),
                    &self.references[at],
                    CheckOptions { tolerances },
                );
                match &self.frames {
                    Some(f) => c.with_frames(f),
                    None => c,
                }
            })
            .collect()
    }
}
