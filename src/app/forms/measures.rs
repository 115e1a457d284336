//! A goal's measures in forms: the goal editor's Measures page (rows that can be added,
//! deleted and reordered, each a key result with its name, unit, start, now, target, kind
//! and weight), and the check-in's one value per measure (blank keeps it).

use super::prompts::{AMOUNT, WEIGHT, number_text};
use super::{Field, FieldKind, Form, Reader};
use crate::model::{Goal, Measure};

/// The kinds a measure row offers: a lagging result, or a leading input.
pub const KINDS: &[&str] = &["lagging (the result)", "leading (an input)"];

/// One row of the Measures page.
pub fn measure_row(m: &Measure) -> Vec<Field> {
    let blank = m.name.is_empty() && m.unit.is_empty() && m.target == 0.0 && m.start == 0.0;
    let amount = |v: f64| if blank { String::new() } else { number_text(v) };
    let mut kind = Field::new("kind", "  Kind", FieldKind::Choice(KINDS), "");
    kind.choice = usize::from(m.leading);
    vec![
        Field::new("name", "• Measure", FieldKind::Text, &m.name),
        Field::new("unit", "  Unit", FieldKind::Text, &m.unit),
        Field::new("start", "  Start value", AMOUNT, &amount(m.start)),
        Field::new("current", "  Value now", AMOUNT, &amount(m.current)),
        Field::new("target", "  Target", AMOUNT, &amount(m.target)),
        kind,
        Field::new("weight", "  Weight", WEIGHT, &number_text(m.weight)),
    ]
}

/// Puts the Measures section on `page` of the goal editor. It is the form's first section,
/// so its rows' ids are the measures' places in `goal.measures` (new rows get later ids).
pub fn push_section(form: &mut Form, page: usize, goal: &Goal) {
    form.push_section_on(
        page,
        "measures",
        "Measures: leading and lagging",
        measure_row(&Measure::default()),
        goal.measures.iter().map(measure_row).collect(),
    );
}

/// The measures as the rows have them: a row kept from before keeps its id and its values;
/// a new one takes an id from `new_id`. Errors go under the fields: a measure without a name
/// or unit, a name used twice, a target equal to the start.
pub fn read(
    r: &mut Reader<'_>,
    before: &[Measure],
    new_id: &mut dyn FnMut() -> u64,
) -> Vec<Measure> {
    let mut out: Vec<Measure> = Vec::new();
    for row in r.rows("measures") {
        let name = r.line_at(row[0]);
        let unit = r.line_at(row[1]);
        let (start, current, target) = (
            r.number_at(row[2]),
            r.number_at(row[3]),
            r.number_at(row[4]),
        );
        if name.is_empty() && unit.is_empty() && start.is_none() && target.is_none() {
            continue;
        }
        let earlier = r.row_id(row[0]).and_then(|id| before.get(id));
        let mut m = earlier.cloned().unwrap_or_else(|| Measure {
            id: new_id(),
            ..Measure::default()
        });
        m.name = if name.is_empty() { unit.clone() } else { name };
        m.unit = unit;
        m.start = start.unwrap_or(0.0);
        m.current = current.unwrap_or(m.start);
        m.target = target.unwrap_or(m.start);
        m.leading = r.choice_at(row[5]) == 1;
        m.weight = r.number_at(row[6]).unwrap_or(1.0);
        if m.name.is_empty() {
            r.fail_at(row[0], "Name what you count (direct reports, 1:1s held…).");
        } else if out.iter().any(|o| o.name.eq_ignore_ascii_case(&m.name)) {
            r.fail_at(row[0], "Another measure of this goal has that name.");
        } else if target.is_none() {
            r.fail_at(row[4], "A measure needs a target.");
        } else if m.target == m.start {
            r.fail_at(
                row[4],
                "A target equal to the start measures nothing; move one.",
            );
        }
        out.push(m);
    }
    out
}

/// The check-in's fields for the goal's measures: one value each, filled with its current
/// value (leading ones first, as the details show them).
pub fn check_in_fields(goal: &Goal) -> Vec<Field> {
    goal.measures_leading_first()
        .map(|m| {
            let label = format!("{} now", m.label());
            Field::new("value", label, AMOUNT, &number_text(m.current))
        })
        .collect()
}

/// The values the check-in's measure fields hold, as (measure id, value); a blank field
/// keeps the measure as it is and is left out.
pub fn read_check_in(r: &mut Reader<'_>, goal: &Goal) -> Vec<(u64, f64)> {
    let fields: Vec<usize> = (0..r.field_count())
        .filter(|&i| r.name_at(i) == "value")
        .collect();
    goal.measures_leading_first()
        .zip(fields)
        .filter_map(|(m, at)| r.number_at(at).map(|v| (m.id, v)))
        .collect()
}
