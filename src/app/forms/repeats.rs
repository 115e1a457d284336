//! The Repeats picker of a step's forms (new and edit): how often it comes back, picked
//! with the choice keys ("every N days / weeks / months"), how many N, and what it counts from (the due
//! date or the day it is done). Three fields of the one form mechanism, read back into a
//! `Recurrence`; the CLI and plan.json keep the plain words ("every 2 weeks after done").

use super::{Field, FieldKind, Reader};
use crate::model::Recurrence;
use crate::model::repeat::{From, MAX_EVERY, Unit};

/// The Repeats choices: not at all, or in which unit.
const UNITS: &[&str] = &["no", "every N days", "every N weeks", "every N months"];
/// What the next time counts from.
const FROM: &[&str] = &["its due date", "the day it is done"];
/// How many units, 1 when left blank.
const EVERY: FieldKind = FieldKind::Number {
    min: 1.0,
    max: MAX_EVERY as f64,
    optional: true,
};

/// The three fields, filled from `rule` (or "no").
pub fn fields(rule: Option<Recurrence>) -> Vec<Field> {
    let (unit, every, from) = match rule {
        None => (UNITS[0], String::new(), FROM[0]),
        Some(r) => (
            UNITS[unit_index(r.unit)],
            r.every.to_string(),
            FROM[usize::from(r.from == From::Done)],
        ),
    };
    vec![
        Field::new("repeats", "Repeats", FieldKind::Choice(UNITS), unit),
        Field::new("every", "  N (blank: 1)", EVERY, &every),
        Field::new("from", "  Counted from", FieldKind::Choice(FROM), from),
    ]
}

/// What the picker does, for the note of a step's form; `pick` names the keys that pick a
/// choice, as the keymap in force has them ("←/→").
pub fn hint(pick: &str) -> String {
    format!(
        "Repeats, for practice: {pick} picks days, weeks or months and N how many. Counted from \
         its due date it keeps a rhythm (Mondays stay Mondays); from the day it is done, the \
         next one comes N after you do it."
    )
}

fn unit_index(unit: Unit) -> usize {
    match unit {
        Unit::Days => 1,
        Unit::Weeks => 2,
        Unit::Months => 3,
    }
}

/// The rule the three fields give: none for "no"; a fraction of N is refused.
pub fn read(r: &mut Reader) -> Option<Recurrence> {
    let unit = match r.choice("repeats") {
        1 => Unit::Days,
        2 => Unit::Weeks,
        3 => Unit::Months,
        _ => return None,
    };
    let every = r.number("every").unwrap_or(1.0);
    if every.fract() != 0.0 {
        r.fail("every", "N is a whole number: every 2 weeks, not 1.5.");
        return None;
    }
    let from = if r.choice("from") == 1 {
        From::Done
    } else {
        From::Due
    };
    // The field's range is the one a plan may hold, so this is never refused.
    Recurrence::checked(every as u32, unit, from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::forms::{Form, FormKind};

    fn read_back(rule: Option<Recurrence>) -> Option<Recurrence> {
        let mut form = Form::new(FormKind::NewGoal, String::new(), fields(rule));
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let mut r = Reader::new(&mut form, today);
        let got = read(&mut r);
        assert!(r.ok());
        got
    }

    #[test]
    fn every_rule_reads_back_as_itself() {
        for text in [
            "daily",
            "weekly",
            "monthly",
            "every 2 weeks",
            "every 10 days after done",
            "every 3 months after done",
        ] {
            let rule = Recurrence::parse(text);
            assert_eq!(read_back(rule), rule, "{text}");
        }
        assert_eq!(read_back(None), None);
    }

    #[test]
    fn a_blank_n_is_one_and_a_fraction_is_refused() {
        let mut form = Form::new(FormKind::NewGoal, String::new(), fields(None));
        form.fields[0].choice = 2;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let mut r = Reader::new(&mut form, today);
        assert_eq!(read(&mut r), Some(Recurrence::WEEKLY));
        form.fields[1].input.set("1.5");
        let mut r = Reader::new(&mut form, today);
        assert_eq!(read(&mut r), None);
        assert!(!r.ok());
        assert!(form.fields[1].error.as_deref().unwrap().contains("whole"));
    }
}
