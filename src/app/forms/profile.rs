//! The profile's forms: one per section (the role, and rows for strengths, growth areas,
//! values, interests, SWOT, achievements, feedback and career paths, added, deleted and
//! reordered like the goal editor's), and the guided first pass. Each submits the profile as
//! one edit; a row's hidden links (which step a piece of feedback became) stay with it however
//! the rows were moved.

use super::read::join_list;
use super::{Field, FieldKind, Form, FormKind, Reader};
use crate::app::change::Change;
use crate::model::profile::{
    Achievement, CareerPath, Feedback, Named, Profile, Quality, SWOT_PARTS, Section,
};
use crate::model::{ItemId, Plan};
use chrono::NaiveDate;

const SATISFACTION: FieldKind = FieldKind::Number {
    min: crate::model::limits::SATISFACTION.min,
    max: crate::model::limits::SATISFACTION.max,
    optional: true,
};
const FIT: FieldKind = FieldKind::Number {
    min: crate::model::limits::CONFIDENCE.min,
    max: crate::model::limits::CONFIDENCE.max,
    optional: true,
};

/// The name of the one section of rows in a list section's form.
pub const ROWS: &str = "rows";

/// The form of `section`, filled from the plan's profile; `row_keys` names the keys that add,
/// delete and move rows, as the keymap in force has them.
pub fn edit_section(plan: &Plan, section: Section, today: NaiveDate, row_keys: &str) -> Form {
    let mut form = Form::new(
        FormKind::Profile(section),
        format!("Profile: {}", section.title()),
        Vec::new(),
    );
    let p = &plan.profile;
    match section {
        Section::Role => form.fields = role_fields(p),
        Section::Strengths => quality_rows(&mut form, section, &p.strengths, "  How to use it"),
        Section::GrowthAreas => {
            quality_rows(&mut form, section, &p.growth_areas, "  How to develop it")
        }
        Section::Values => named_rows(&mut form, section, &p.values),
        Section::Interests => named_rows(&mut form, section, &p.interests),
        Section::Swot => swot_rows(&mut form, p),
        Section::Achievements => achievement_rows(&mut form, plan, today),
        Section::Feedback => feedback_rows(&mut form, plan, today),
        Section::CareerPaths => path_rows(&mut form, p),
    }
    if section != Section::Role {
        form.focus_on(usize::from(form.fields.len() > 1));
        form.note = Some(row_keys.to_string());
    }
    form
}

fn role_fields(p: &Profile) -> Vec<Field> {
    let sat = p.satisfaction.map(|s| s.to_string()).unwrap_or_default();
    vec![
        Field::new("role", "Current role", FieldKind::Text, &p.current_role),
        Field::new("satisfaction", "Satisfaction 1–10", SATISFACTION, &sat),
        Field::new("keep", "What to keep", FieldKind::LongText, &p.keep),
        Field::new("change", "What to change", FieldKind::LongText, &p.change),
    ]
}

fn quality_rows(form: &mut Form, section: Section, list: &[Quality], plan_label: &'static str) {
    let row = |q: &Quality| {
        vec![
            Field::new("name", "• Name", FieldKind::Text, &q.name),
            Field::new("evidence", "  Evidence", FieldKind::Text, &q.evidence),
            Field::new("plan", plan_label, FieldKind::Text, &q.plan),
        ]
    };
    let rows = list.iter().map(row).collect();
    form.push_section(ROWS, section.title(), row(&Quality::default()), rows);
}

fn named_rows(form: &mut Form, section: Section, list: &[Named]) {
    let row = |n: &Named| {
        vec![
            Field::new("name", "• Name", FieldKind::Text, &n.name),
            Field::new("note", "  What it means", FieldKind::Text, &n.note),
        ]
    };
    let rows = list.iter().map(row).collect();
    form.push_section(ROWS, section.title(), row(&Named::default()), rows);
}

fn swot_rows(form: &mut Form, p: &Profile) {
    let line = |t: &String| vec![Field::new("line", "•", FieldKind::Text, t)];
    for ((name, title), list) in SWOT_PARTS.into_iter().zip(p.swot.lists()) {
        let rows = list.iter().map(line).collect();
        form.push_section(name, title, line(&String::new()), rows);
    }
}

fn achievement_rows(form: &mut Form, plan: &Plan, today: NaiveDate) {
    let row = |a: &Achievement| {
        vec![
            Field::new(
                "date",
                "• Date, or blank",
                FieldKind::Date,
                &achievement_date(a),
            ),
            Field::new("what", "  What", FieldKind::Text, &a.what),
            Field::new(
                "evidence",
                "  Evidence / impact",
                FieldKind::Text,
                &a.evidence,
            ),
            Field::new(
                "strengths",
                "  Strengths (a, b)",
                FieldKind::Text,
                &join_list(&a.strengths),
            ),
            Field::new(
                "goal",
                "  Goal (#id or title)",
                FieldKind::Text,
                &goal_text(plan, a.goal),
            ),
        ]
    };
    let blank = Achievement {
        date: today,
        ..Achievement::default()
    };
    let rows = plan.profile.achievements.iter().map(row).collect();
    form.push_section(ROWS, Section::Achievements.title(), row(&blank), rows);
}

fn feedback_rows(form: &mut Form, plan: &Plan, today: NaiveDate) {
    let p = &plan.profile;
    let qualities: Vec<String> = p
        .strengths
        .iter()
        .chain(&p.growth_areas)
        .map(|q| q.name.clone())
        .collect();
    let about = |f: &Feedback| {
        if qualities.is_empty() {
            Field::new(
                "about",
                "  About (a, b)",
                FieldKind::Text,
                &join_list(&f.about),
            )
        } else {
            let kind = FieldKind::Picks(qualities.clone());
            Field::new("about", "  About", kind, &join_list(&f.about))
        }
    };
    let row = |f: &Feedback| {
        vec![
            Field::new("date", "• Date", FieldKind::Date, &date_text(f.date)),
            Field::new("from", "  From", FieldKind::Text, &f.from),
            Field::new("what", "  What was said", FieldKind::Text, &f.what),
            Field::new(
                "goal",
                "  Goal (#id or title)",
                FieldKind::Text,
                &goal_text(plan, f.goal),
            ),
            about(f),
        ]
    };
    let blank = Feedback {
        date: today,
        ..Feedback::default()
    };
    let rows = plan.profile.feedback.iter().map(row).collect();
    form.push_section(ROWS, Section::Feedback.title(), row(&blank), rows);
}

fn path_rows(form: &mut Form, p: &Profile) {
    let row = |c: &CareerPath| {
        let fit = c.values_fit.map(|v| v.to_string()).unwrap_or_default();
        vec![
            Field::new("name", "• Path", FieldKind::Text, &c.name),
            Field::new("why", "  Why it appeals", FieldKind::Text, &c.why),
            Field::new(
                "pros",
                "  Pros (a, b)",
                FieldKind::Text,
                &join_list(&c.pros),
            ),
            Field::new(
                "cons",
                "  Cons (a, b)",
                FieldKind::Text,
                &join_list(&c.cons),
            ),
            Field::new(
                "gap",
                "  Skills gap (a, b)",
                FieldKind::Text,
                &join_list(&c.skills_gap),
            ),
            Field::new("fit", "  Values fit 1–5", FIT, &fit),
            Field::new(
                "experiment",
                "  First experiment",
                FieldKind::Text,
                &c.first_experiment,
            ),
        ]
    };
    let rows = p.paths.iter().map(row).collect();
    form.push_section(
        ROWS,
        Section::CareerPaths.title(),
        row(&CareerPath::default()),
        rows,
    );
}

/// An achievement's date as the form shows it: blank when it is not known.
fn achievement_date(a: &Achievement) -> String {
    if a.date_unknown {
        String::new()
    } else {
        date_text(a.date)
    }
}

fn date_text(d: NaiveDate) -> String {
    if d == NaiveDate::default() {
        String::new()
    } else {
        d.to_string()
    }
}

pub(super) fn goal_text(plan: &Plan, goal: Option<ItemId>) -> String {
    match goal.and_then(|id| Some((plan.num_of(id), plan.title_of(id)?))) {
        Some((num, title)) => format!("{num} {title}"),
        None => String::new(),
    }
}

/// Reads a goal reference: `12`, `#12` or a piece of a goal's title; blank is none.
fn resolve_goal(plan: &Plan, text: &str) -> Result<Option<ItemId>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let first = text.split_whitespace().next().unwrap_or("");
    if let Ok(num) = first.parse::<crate::model::Num>()
        && let Some(id) = plan.by_num(num)
        && plan.goal(id).is_some()
    {
        return Ok(Some(id));
    }
    let lower = text.to_lowercase();
    match plan
        .goals
        .iter()
        .find(|g| g.title.to_lowercase().contains(&lower))
    {
        Some(g) => Ok(Some(g.id)),
        None => Err(format!(
            "No goal matches '{text}'; use its number (#12) or part of its title."
        )),
    }
}

/// The profile as the section's form has it, as one edit; `None` with errors on the form.
pub fn submit(form: &mut Form, plan: &Plan, section: Section, today: NaiveDate) -> Option<Change> {
    let mut profile = plan.profile.clone();
    let mut r = Reader::new(form, today);
    read_section(&mut r, plan, section, &mut profile);
    if !r.ok() {
        return None;
    }
    let (op, label) = crate::model::entry_edits::edits(&plan.profile, &mut profile);
    let label = label.unwrap_or_else(|| format!("edit {}", section.title().to_lowercase()));
    Some(Change::new(op, label))
}

fn read_section(r: &mut Reader<'_>, plan: &Plan, section: Section, profile: &mut Profile) {
    let old = &plan.profile;
    match section {
        Section::Role => {
            profile.current_role = r.line("role");
            profile.satisfaction = r.number("satisfaction").map(|v| v.round() as u8);
            profile.keep = r.text("keep");
            profile.change = r.text("change");
        }
        Section::Strengths => profile.strengths = read_rows(r, &old.strengths, fill_quality),
        Section::GrowthAreas => {
            profile.growth_areas = read_rows(r, &old.growth_areas, fill_quality)
        }
        Section::Values => profile.values = read_rows(r, &old.values, fill_named),
        Section::Interests => profile.interests = read_rows(r, &old.interests, fill_named),
        Section::Swot => read_swot(r, profile),
        Section::Achievements => {
            profile.achievements = read_rows(r, &old.achievements, |r, f, a| {
                fill_achievement(r, plan, f, a)
            })
        }
        Section::Feedback => {
            profile.feedback = read_rows(r, &old.feedback, |r, f, fb| fill_feedback(r, plan, f, fb))
        }
        Section::CareerPaths => profile.paths = read_rows(r, &old.paths, fill_path),
    }
}

fn fill_quality(r: &mut Reader<'_>, f: &[usize], q: &mut Quality) -> bool {
    q.name = r.line_at(f[0]);
    q.evidence = r.line_at(f[1]);
    q.plan = r.line_at(f[2]);
    !q.name.is_empty()
}

fn fill_named(r: &mut Reader<'_>, f: &[usize], n: &mut Named) -> bool {
    n.name = r.line_at(f[0]);
    n.note = r.line_at(f[1]);
    !n.name.is_empty()
}

fn read_swot(r: &mut Reader<'_>, profile: &mut Profile) {
    for ((name, _), list) in SWOT_PARTS.into_iter().zip(profile.swot.lists_mut()) {
        *list = r
            .rows(name)
            .iter()
            .map(|f| r.line_at(f[0]))
            .filter(|l| !l.is_empty())
            .collect();
    }
}

fn fill_achievement(r: &mut Reader<'_>, plan: &Plan, f: &[usize], a: &mut Achievement) -> bool {
    // A date left blank is not known: kept as such, never turned into today.
    a.date_unknown = r.is_blank_at(f[0]);
    a.date = r.date_at(f[0]).unwrap_or(a.date);
    a.what = r.line_at(f[1]);
    a.evidence = r.line_at(f[2]);
    a.strengths = r.list_at(f[3]);
    a.goal = goal_at(r, plan, f[4]);
    !a.what.is_empty()
}

fn fill_feedback(r: &mut Reader<'_>, plan: &Plan, f: &[usize], fb: &mut Feedback) -> bool {
    fb.date = r.date_at(f[0]).unwrap_or(fb.date);
    fb.from = r.line_at(f[1]);
    fb.what = r.line_at(f[2]);
    fb.goal = goal_at(r, plan, f[3]);
    fb.about = r.list_at(f[4]);
    !fb.what.is_empty()
}

fn fill_path(r: &mut Reader<'_>, f: &[usize], c: &mut CareerPath) -> bool {
    c.name = r.line_at(f[0]);
    c.why = r.line_at(f[1]);
    c.pros = r.list_at(f[2]);
    c.cons = r.list_at(f[3]);
    c.skills_gap = r.list_at(f[4]);
    c.values_fit = r.number_at(f[5]).map(|v| v.round() as u8);
    c.first_experiment = r.line_at(f[6]);
    !c.name.is_empty()
}

pub(super) fn goal_at(r: &mut Reader<'_>, plan: &Plan, i: usize) -> Option<ItemId> {
    let text = r.line_at(i);
    match resolve_goal(plan, &text) {
        Ok(goal) => goal,
        Err(why) => {
            r.fail_at(i, &why);
            None
        }
    }
}

/// Reads the rows of the section: each starts from the item it was made from (so fields the
/// form does not show survive), or a fresh one; `fill` returns false for a blank row.
fn read_rows<T: Clone + Default>(
    r: &mut Reader<'_>,
    old: &[T],
    mut fill: impl FnMut(&mut Reader<'_>, &[usize], &mut T) -> bool,
) -> Vec<T> {
    let mut out = Vec::new();
    for fields in r.rows(ROWS) {
        let mut item = r
            .row_id(fields[0])
            .and_then(|id| old.get(id).cloned())
            .unwrap_or_default();
        if fill(r, &fields, &mut item) {
            out.push(item);
        }
    }
    out
}
