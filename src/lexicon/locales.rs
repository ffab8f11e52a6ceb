//! Locales (`locales.csv`): what an article's locale says about ambiguous signs and names.

use serde::Deserialize;

use super::Lexicon;
use super::tables::{rows, split_forms};
use crate::error::DataResult;

impl Lexicon {
    pub(crate) fn load_locales(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            locale: String,
            cues: String,
        }
        for (_, row) in rows::<Row>(file, data)? {
            self.locales.insert(
                row.locale.trim().to_lowercase(),
                split_forms(&row.cues).map(|c| c.to_lowercase()).collect(),
            );
        }
        Ok(())
    }

    /// The cue words of a locale ("en-AU").
    pub fn locale_cues(&self, locale: &str) -> &[String] {
        let l = locale.trim().to_lowercase().replace('_', "-");
        self.locales.get(&l).map(Vec::as_slice).unwrap_or(&[])
    }
}
