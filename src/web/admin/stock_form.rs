//! The stock-take form as data: reading what the clerk sent, row by row, and turning it into
//! stock edits.
//!
//! Each row carries the count the clerk saw (`was-ID`), its version (`v-ID`), the count field
//! (`q-ID`), the units the − / + buttons added up (`d-ID`) and the "unchanged" box (`ok-ID`).
//! A count equal to seen + buttons is an adjustment by the buttons' total ("sold 2", applied
//! as a delta whatever the count is now); any other count is typed, and sets the count if
//! nobody changed the row since; an untouched row with its box ticked (or the page's "all
//! counted") confirms the count.

use std::collections::BTreeMap;

use crate::db::stock::StockEdit;
use crate::domain::input::FieldProblem;
use crate::domain::stock::{MAX_QUANTITY, check_quantity};

/// One row as the form sent it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowInput {
    pub version: i64,
    pub was: i64,
    /// As typed: may be anything.
    pub quantity: String,
    pub delta: i64,
    pub unchanged: bool,
    /// After a conflict, the clerk chose the other person's count.
    pub keep_theirs: bool,
    /// After a conflict, the number the clerk had entered (`mine-ID`).
    pub mine: Option<String>,
    /// After a conflict, the clerk chose their own number.
    pub keep_mine: bool,
}

/// What a submission asks for.
#[derive(Debug, Default)]
pub struct StockTakeForm {
    pub rows: BTreeMap<i64, RowInput>,
    /// "All counted, nothing changed".
    pub confirm_all: bool,
    /// A − / + pressed with scripts off: (product, step). The page comes back with the row moved.
    pub step: Option<(i64, i64)>,
}

impl StockTakeForm {
    /// Reads the fields; unknown or malformed names are ignored (a row is named by its id).
    pub fn parse(fields: &[(String, String)]) -> StockTakeForm {
        let mut form = StockTakeForm::default();
        for (name, value) in fields {
            match name.as_str() {
                "action" => form.confirm_all = value == "confirm_all",
                "step" => form.step = parse_step(value),
                _ => {}
            }
            let Some((kind, id)) = name.split_once('-') else { continue };
            let Ok(product_id) = id.parse::<i64>() else { continue };
            // A row without its seen count and version cannot be saved safely: dropped below.
            let row = form.rows.entry(product_id).or_insert(RowInput { version: -1, was: -1, ..RowInput::default() });
            match kind {
                "q" => row.quantity = value.clone(),
                "v" => row.version = value.trim().parse().unwrap_or(-1),
                "was" => row.was = value.trim().parse().unwrap_or(-1),
                "d" => row.delta = value.trim().parse::<i64>().unwrap_or(0).clamp(-MAX_QUANTITY, MAX_QUANTITY),
                "ok" => row.unchanged = true,
                "keep" => (row.keep_theirs, row.keep_mine) = (value == "theirs", value == "mine"),
                "mine" => row.mine = Some(value.clone()),
                _ => {}
            }
        }
        form.rows.retain(|_, row| row.version >= 0 && row.was >= 0);
        for row in form.rows.values_mut() {
            if let (true, Some(mine)) = (row.keep_mine, row.mine.take()) {
                row.quantity = mine;
            }
        }
        form
    }

    /// Moves the stepped row's count and button total by one (scripts off), never below zero.
    pub fn apply_step(&mut self) {
        let Some((product_id, step)) = self.step else { return };
        let Some(row) = self.rows.get_mut(&product_id) else { return };
        let Ok(current) = row.quantity.trim().parse::<i64>() else { return };
        let moved = (current + step).clamp(0, MAX_QUANTITY);
        row.delta += moved - current;
        row.quantity = moved.to_string();
    }

    /// The edits this submission makes, or every row's problem (nothing is saved then).
    pub fn edits(&self) -> Result<Vec<StockEdit>, Vec<(i64, FieldProblem)>> {
        let mut edits = Vec::new();
        let mut problems = Vec::new();
        for (&product_id, row) in &self.rows {
            if row.keep_theirs {
                continue;
            }
            let quantity = match parse_quantity(&row.quantity) {
                Ok(q) => q,
                Err(problem) => {
                    problems.push((product_id, problem));
                    continue;
                }
            };
            if row.delta != 0 && quantity == row.was + row.delta {
                edits.push(StockEdit::Adjust { product_id, delta: row.delta });
            } else if quantity != row.was {
                edits.push(StockEdit::Set { product_id, quantity, seen_version: row.version });
            } else if row.unchanged || self.confirm_all {
                edits.push(StockEdit::Confirm { product_id, seen_version: row.version });
            }
        }
        if problems.is_empty() { Ok(edits) } else { Err(problems) }
    }
}

fn parse_step(value: &str) -> Option<(i64, i64)> {
    let (id, step) = value.split_once(':')?;
    let step: i64 = step.parse().ok()?;
    (step == 1 || step == -1).then_some((id.parse().ok()?, step))
}

/// A count as typed: a whole number 0..=MAX_QUANTITY ("1.200" with Vietnamese thousands dots
/// allowed; "1.5" is not a count).
pub fn parse_quantity(typed: &str) -> Result<i64, FieldProblem> {
    let typed = typed.trim();
    let mut groups = typed.split('.');
    let first = groups.next().unwrap_or_default();
    let thousands =
        typed.contains('.') && (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    if typed.contains('.') && !thousands {
        return Err(FieldProblem::NotWholeNumber);
    }
    let digits: String = typed.chars().filter(|&c| c != '.').collect();
    if digits.is_empty() {
        return Err(FieldProblem::Required);
    }
    let Ok(quantity) = digits.parse::<i64>() else {
        return Err(if digits.starts_with('-') && digits[1..].chars().all(|c| c.is_ascii_digit()) {
            FieldProblem::OutOfRange { min: 0, max: MAX_QUANTITY }
        } else {
            FieldProblem::NotWholeNumber
        });
    };
    check_quantity(quantity)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect()
    }

    fn row(id: &str, was: &str, version: &str, q: &str, d: &str) -> Vec<(String, String)> {
        fields(&[(&format!("was-{id}"), was), (&format!("v-{id}"), version), (&format!("q-{id}"), q), (&format!("d-{id}"), d)])
    }

    #[test]
    fn a_typed_count_sets_and_the_buttons_adjust() {
        let mut sent = row("1", "10", "3", "7", "0");
        sent.extend(row("2", "10", "4", "8", "-2"));
        sent.extend(row("3", "10", "5", "9", "-2"));
        sent.extend(row("4", "10", "6", "10", "0"));
        let edits = StockTakeForm::parse(&sent).edits().expect("edits");
        assert_eq!(
            edits,
            vec![
                StockEdit::Set { product_id: 1, quantity: 7, seen_version: 3 },
                StockEdit::Adjust { product_id: 2, delta: -2 },
                StockEdit::Set { product_id: 3, quantity: 9, seen_version: 5 },
            ]
        );
    }

    #[test]
    fn unchanged_rows_confirm_when_ticked_or_when_all_are_counted() {
        let mut sent = row("1", "10", "3", "10", "0");
        sent.push(("ok-1".into(), "on".into()));
        sent.extend(row("2", "4", "1", "4", "0"));
        assert_eq!(StockTakeForm::parse(&sent).edits().expect("edits"), vec![StockEdit::Confirm { product_id: 1, seen_version: 3 }]);
        sent.push(("action".into(), "confirm_all".into()));
        assert_eq!(StockTakeForm::parse(&sent).edits().expect("edits").len(), 2);
    }

    #[test]
    fn every_bad_count_is_reported_and_nothing_is_edited() {
        let mut sent = row("1", "10", "3", "abc", "0");
        sent.extend(row("2", "10", "3", "-1", "0"));
        sent.extend(row("3", "10", "3", "1.5e3", "0"));
        sent.extend(row("4", "10", "3", "100001", "0"));
        sent.extend(row("5", "10", "3", "", "0"));
        sent.extend(row("6", "10", "3", "5", "0"));
        let problems = StockTakeForm::parse(&sent).edits().expect_err("problems");
        let range = FieldProblem::OutOfRange { min: 0, max: MAX_QUANTITY };
        assert_eq!(
            problems,
            vec![
                (1, FieldProblem::NotWholeNumber),
                (2, range.clone()),
                (3, FieldProblem::NotWholeNumber),
                (4, range),
                (5, FieldProblem::Required)
            ]
        );
    }

    #[test]
    fn counts_may_be_written_with_thousands_dots() {
        assert_eq!(parse_quantity(" 1.200 "), Ok(1200));
        assert_eq!(parse_quantity("1.5"), Err(FieldProblem::NotWholeNumber));
        assert_eq!(parse_quantity("12"), Ok(12));
    }

    #[test]
    fn a_step_without_scripts_moves_the_count_and_the_button_total() {
        let mut sent = row("1", "10", "3", "10", "0");
        sent.push(("step".into(), "1:-1".into()));
        let mut form = StockTakeForm::parse(&sent);
        form.apply_step();
        assert_eq!((form.rows[&1].quantity.as_str(), form.rows[&1].delta), ("9", -1));
        assert_eq!(form.edits().expect("edits"), vec![StockEdit::Adjust { product_id: 1, delta: -1 }]);
    }

    #[test]
    fn choosing_my_number_after_a_conflict_sets_it_against_the_current_row() {
        let mut sent = row("1", "5", "4", "5", "0");
        sent.extend(fields(&[("mine-1", "7"), ("keep-1", "mine")]));
        assert_eq!(
            StockTakeForm::parse(&sent).edits().expect("edits"),
            vec![StockEdit::Set { product_id: 1, quantity: 7, seen_version: 4 }]
        );
    }

    #[test]
    fn keeping_the_other_count_edits_nothing_and_forged_rows_are_dropped() {
        let mut sent = row("1", "5", "4", "7", "0");
        sent.push(("keep-1".into(), "theirs".into()));
        sent.extend(fields(&[("q-2", "5")]));
        sent.extend(fields(&[("q-x", "5"), ("step", "1:+7")]));
        let form = StockTakeForm::parse(&sent);
        assert_eq!(form.step, None);
        assert_eq!(form.edits().expect("edits"), vec![]);
    }
}
