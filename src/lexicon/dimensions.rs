//! Dimension roles (`lexicon/dimensions.csv`): which dimensions are money, percent, time,
//! length, area, counts … so that code asks for a role, not a dimension's name.

use serde::Deserialize;

use super::Lexicon;
use super::tables::{row_error, rows};
use super::units::UnitKind;
use crate::error::DataResult;

/// What a dimension is, where the extractor and the checker care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DimensionRole {
    /// Money (currencies).
    Money,
    /// Percent.
    Percent,
    /// Percentage points.
    PercentagePoint,
    /// Time: durations and ages ("years", "months").
    Time,
    /// Length ("metres", "miles").
    Length,
    /// Area ("km²", "acres").
    Area,
    /// A number of things (claims that count a noun).
    Count,
    /// A multiplier ("doubled", "three times").
    Multiplier,
    /// A fraction ("a third").
    Fraction,
    /// A number with nothing said about what it counts or measures.
    Number,
    /// Anything else (mass, volume, energy …).
    #[default]
    Other,
}

impl DimensionRole {
    fn parse(name: &str) -> Option<DimensionRole> {
        Some(match name {
            "money" => DimensionRole::Money,
            "percent" => DimensionRole::Percent,
            "percentage_point" => DimensionRole::PercentagePoint,
            "time" => DimensionRole::Time,
            "length" => DimensionRole::Length,
            "area" => DimensionRole::Area,
            "count" => DimensionRole::Count,
            "multiplier" => DimensionRole::Multiplier,
            "fraction" => DimensionRole::Fraction,
            "number" => DimensionRole::Number,
            _ => return None,
        })
    }
}

impl Lexicon {
    /// Adds the rows of `dimensions.csv`.
    pub(crate) fn load_dimensions(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            dimension: String,
            role: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let role = DimensionRole::parse(row.role.trim())
                .ok_or_else(|| row_error(file, line, format!("unknown role '{}'", row.role)))?;
            self.dimensions
                .insert(row.dimension.trim().to_string(), role);
        }
        Ok(())
    }

    /// The role of a dimension by its name ("time": [`DimensionRole::Time`]); a claim's
    /// dimension ("count", "number") included.
    pub fn dimension_role(&self, dimension: &str) -> DimensionRole {
        self.dimensions.get(dimension).copied().unwrap_or_default()
    }

    /// Gives every unit the role of its dimension; a unit of the units tables whose dimension
    /// is percent or percentage points is of that kind.
    pub(crate) fn assign_dimension_roles(&mut self) {
        for i in 0..self.units.len() {
            let role = self.dimension_role(&self.units[i].dimension);
            let u = &mut self.units[i];
            u.role = role;
            if u.kind != UnitKind::Currency {
                u.kind = match role {
                    DimensionRole::Percent => UnitKind::Percent,
                    DimensionRole::PercentagePoint => UnitKind::PercentagePoint,
                    _ => UnitKind::Physical,
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_carry_the_role_of_their_dimension() {
        let lex = Lexicon::embedded();
        let role = |code: &str| lex.unit(lex.unit_by_code(code).unwrap()).role;
        assert_eq!(role("EUR"), DimensionRole::Money);
        assert_eq!(role("percent"), DimensionRole::Percent);
        assert_eq!(role("basis point"), DimensionRole::PercentagePoint);
        assert_eq!(role("decade"), DimensionRole::Time);
        assert_eq!(role("mile"), DimensionRole::Length);
        assert_eq!(role("hectare"), DimensionRole::Area);
        assert_eq!(role("tonne"), DimensionRole::Other);
        assert_eq!(lex.dimension_role("count"), DimensionRole::Count);
        let pp = lex.unit(lex.percentage_point);
        assert_eq!(pp.kind, UnitKind::PercentagePoint);
    }

    #[test]
    fn an_unknown_role_names_file_and_line() {
        let mut lex = Lexicon::empty();
        let err = lex
            .load_dimensions("x/dimensions.csv", "dimension,role\nspeed,velocity\n")
            .unwrap_err();
        assert!(err.to_string().contains("x/dimensions.csv:2"), "{err}");
    }
}
