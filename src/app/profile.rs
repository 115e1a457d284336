//! The Profile screen's editing: which section is open, the forms for each section (rows
//! that can be added, deleted and reordered, as in the goal editor), the guided first pass,
//! and turning feedback into a step or a career path's first experiment into a goal.

use super::edit;
use super::form::{Field, FieldKind, Reader};
use super::state::{AppState, FormPurpose, ItemForm};
use super::update::Effect;
use crate::model::profile::{self, Achievement, CareerPath, Feedback, Named, Profile, Quality};
use crate::model::{ItemId, Op, Plan};
use chrono::NaiveDate;

/// The sections, in order.
pub const SECTIONS: [&str; 9] = [
    "Role",
    "Strengths",
    "Growth areas",
    "Values",
    "Interests",
    "SWOT",
    "Achievements",
    "Feedback",
    "Career paths",
];

const SATISFACTION: FieldKind = FieldKind::Number {
    min: crate::model::check::SATISFACTION.min,
    max: crate::model::check::SATISFACTION.max,
    optional: true,
};
const FIT: FieldKind = FieldKind::Number {
    min: crate::model::check::CONFIDENCE.min,
    max: crate::model::check::CONFIDENCE.max,
    optional: true,
};

/// How many rows the open section lists (for the row cursor).
pub fn rows_in_section(state: &AppState) -> usize {
    let p = &state.plan.profile;
    match state.profile_section {
        1 => p.strengths.len(),
        2 => p.growth_areas.len(),
        3 => p.values.len(),
        4 => p.interests.len(),
        6 => p.achievements.len(),
        7 => p.feedback.len(),
        8 => p.paths.len(),
        _ => 0,
    }
}

/// Moves to the next (`1`) or previous (`-1`) section.
pub fn step_section(state: &mut AppState, delta: isize) {
    let n = SECTIONS.len() as isize;
    state.profile_section = (state.profile_section as isize + delta).rem_euclid(n) as usize;
    state.profile_row = 0;
}

fn goal_text(plan: &Plan, goal: Option<ItemId>) -> String {
    goal.map(|id| id.to_string()).unwrap_or_default()
        + &goal
            .and_then(|id| plan.title_of(id))
            .map(|t| format!(" {t}"))
            .unwrap_or_default()
}

/// Reads a goal reference: `12`, `#12` or a piece of a goal's title; blank is none.
fn resolve_goal(plan: &Plan, text: &str) -> Result<Option<ItemId>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let first = text.split_whitespace().next().unwrap_or("");
    if let Ok(id) = first.parse::<ItemId>()
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

fn date_text(d: NaiveDate) -> String {
    if d == NaiveDate::default() {
        String::new()
    } else {
        d.to_string()
    }
}

/// Opens the form of the open section.
pub fn open_editor(state: &mut AppState) -> Effect {
    let section = state.profile_section;
    let p = &state.plan.profile;
    let plan = &state.plan;
    let mut form = ItemForm::new(
        FormPurpose::Profile(section),
        format!("Profile: {}", SECTIONS[section]),
        Vec::new(),
    );
    match section {
        0 => {
            let sat = p.satisfaction.map(|s| s.to_string()).unwrap_or_default();
            form.fields = vec![
                Field::new("role", "Current role", FieldKind::Text, &p.current_role),
                Field::new("satisfaction", "Satisfaction 1–10", SATISFACTION, &sat),
                Field::new("keep", "What to keep", FieldKind::LongText, &p.keep),
                Field::new("change", "What to change", FieldKind::LongText, &p.change),
            ];
        }
        1 | 2 => {
            let list = if section == 1 {
                &p.strengths
            } else {
                &p.growth_areas
            };
            let plan_label = if section == 1 {
                "  How to use it"
            } else {
                "  How to develop it"
            };
            let row = |q: &Quality| {
                vec![
                    Field::new("name", "• Name", FieldKind::Text, &q.name),
                    Field::new("evidence", "  Evidence", FieldKind::Text, &q.evidence),
                    Field::new("plan", plan_label, FieldKind::Text, &q.plan),
                ]
            };
            form.push_section(
                "rows",
                SECTIONS[section],
                row(&Quality::default()),
                list.iter().map(row).collect(),
            );
        }
        3 | 4 => {
            let list = if section == 3 {
                &p.values
            } else {
                &p.interests
            };
            let row = |n: &Named| {
                vec![
                    Field::new("name", "• Name", FieldKind::Text, &n.name),
                    Field::new("note", "  What it means", FieldKind::Text, &n.note),
                ]
            };
            form.push_section(
                "rows",
                SECTIONS[section],
                row(&Named::default()),
                list.iter().map(row).collect(),
            );
        }
        5 => {
            let line = |t: &String| vec![Field::new("line", "•", FieldKind::Text, t)];
            for ((name, title), list) in profile::SWOT_PARTS.into_iter().zip(p.swot.lists()) {
                form.push_section(
                    name,
                    title,
                    line(&String::new()),
                    list.iter().map(line).collect(),
                );
            }
        }
        6 => {
            let row = |a: &Achievement| {
                vec![
                    Field::new("date", "• Date", FieldKind::Date, &date_text(a.date)),
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
                        &a.strengths.join(", "),
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
                date: state.today,
                ..Achievement::default()
            };
            form.push_section(
                "rows",
                SECTIONS[section],
                row(&blank),
                p.achievements.iter().map(row).collect(),
            );
        }
        7 => {
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
                ]
            };
            let blank = Feedback {
                date: state.today,
                ..Feedback::default()
            };
            form.push_section(
                "rows",
                SECTIONS[section],
                row(&blank),
                p.feedback.iter().map(row).collect(),
            );
        }
        _ => {
            let row = |c: &CareerPath| {
                let fit = c.values_fit.map(|v| v.to_string()).unwrap_or_default();
                vec![
                    Field::new("name", "• Path", FieldKind::Text, &c.name),
                    Field::new("why", "  Why it appeals", FieldKind::Text, &c.why),
                    Field::new("pros", "  Pros (a; b)", FieldKind::Text, &c.pros.join("; ")),
                    Field::new("cons", "  Cons (a; b)", FieldKind::Text, &c.cons.join("; ")),
                    Field::new(
                        "gap",
                        "  Skills gap (a; b)",
                        FieldKind::Text,
                        &c.skills_gap.join("; "),
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
            form.push_section(
                "rows",
                SECTIONS[section],
                row(&CareerPath::default()),
                p.paths.iter().map(row).collect(),
            );
        }
    }
    if section > 0 {
        form.focus = usize::from(form.fields.len() > 1);
        form.note = Some(
            "Ctrl-n adds a row (on the heading or a row), Ctrl-d deletes one, Ctrl-↑/↓ move it."
                .into(),
        );
    }
    state.form = Some(form);
    Effect::None
}

fn split(text: &str, sep: char) -> Vec<String> {
    text.split(sep)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Saves a section's form into the profile; a row's hidden links (which step a piece of
/// feedback became, say) stay with it however the rows were moved.
pub fn save(state: &mut AppState, mut form: ItemForm, section: usize) -> Effect {
    let plan = state.plan.clone();
    let mut profile = plan.profile.clone();
    let mut r = Reader::new(&mut form, state.today);
    match section {
        0 => {
            profile.current_role = r.line("role");
            profile.satisfaction = r.number("satisfaction").map(|v| v.round() as u8);
            profile.keep = r.text("keep");
            profile.change = r.text("change");
        }
        1 | 2 => {
            let old = if section == 1 {
                &plan.profile.strengths
            } else {
                &plan.profile.growth_areas
            };
            let rows = read_rows(&mut r, old, |r, f, q: &mut Quality| {
                q.name = r.line_at(f[0]);
                q.evidence = r.line_at(f[1]);
                q.plan = r.line_at(f[2]);
                !q.name.is_empty()
            });
            if section == 1 {
                profile.strengths = rows
            } else {
                profile.growth_areas = rows
            }
        }
        3 | 4 => {
            let old = if section == 3 {
                &plan.profile.values
            } else {
                &plan.profile.interests
            };
            let rows = read_rows(&mut r, old, |r, f, n: &mut Named| {
                n.name = r.line_at(f[0]);
                n.note = r.line_at(f[1]);
                !n.name.is_empty()
            });
            if section == 3 {
                profile.values = rows
            } else {
                profile.interests = rows
            }
        }
        5 => {
            for ((name, _), list) in profile::SWOT_PARTS
                .into_iter()
                .zip(profile.swot.lists_mut())
            {
                *list = r
                    .rows(name)
                    .iter()
                    .map(|f| r.line_at(f[0]))
                    .filter(|l| !l.is_empty())
                    .collect();
            }
        }
        6 => {
            profile.achievements = read_rows(
                &mut r,
                &plan.profile.achievements,
                |r, f, a: &mut Achievement| {
                    a.date = r.date_at(f[0]).unwrap_or(a.date);
                    a.what = r.line_at(f[1]);
                    a.evidence = r.line_at(f[2]);
                    a.strengths = split(&r.line_at(f[3]), ',');
                    a.goal = goal_at(r, &plan, f[4]);
                    !a.what.is_empty()
                },
            );
        }
        7 => {
            profile.feedback =
                read_rows(&mut r, &plan.profile.feedback, |r, f, fb: &mut Feedback| {
                    fb.date = r.date_at(f[0]).unwrap_or(fb.date);
                    fb.from = r.line_at(f[1]);
                    fb.what = r.line_at(f[2]);
                    fb.goal = goal_at(r, &plan, f[3]);
                    !fb.what.is_empty()
                });
        }
        _ => {
            profile.paths = read_rows(&mut r, &plan.profile.paths, |r, f, c: &mut CareerPath| {
                c.name = r.line_at(f[0]);
                c.why = r.line_at(f[1]);
                c.pros = split(&r.line_at(f[2]), ';');
                c.cons = split(&r.line_at(f[3]), ';');
                c.skills_gap = split(&r.line_at(f[4]), ';');
                c.values_fit = r.number_at(f[5]).map(|v| v.round() as u8);
                c.first_experiment = r.line_at(f[6]);
                !c.name.is_empty()
            });
        }
    }
    if !r.ok() {
        state.form = Some(form);
        return Effect::None;
    }
    let select = state.selected;
    edit::apply(
        state,
        Op::SetProfile(Box::new(profile)),
        &format!("edit {}", SECTIONS[section].to_lowercase()),
        select,
    )
}

fn goal_at(r: &mut Reader<'_, FormPurpose>, plan: &Plan, i: usize) -> Option<ItemId> {
    let text = r.line_at(i);
    match resolve_goal(plan, &text) {
        Ok(goal) => goal,
        Err(why) => {
            r.fail_at(i, &why);
            None
        }
    }
}

/// Reads the rows of section "rows": each starts from the item it was made from (so fields
/// the form does not show survive), or a fresh one; `fill` returns false for a blank row.
fn read_rows<T: Clone + Default>(
    r: &mut Reader<'_, FormPurpose>,
    old: &[T],
    mut fill: impl FnMut(&mut Reader<'_, FormPurpose>, &[usize], &mut T) -> bool,
) -> Vec<T> {
    let mut out = Vec::new();
    for fields in r.rows("rows") {
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

/// Opens the guided first pass: a few strengths and values, and one line for each part of a
/// SWOT. Esc skips it.
pub fn open_first_pass(state: &mut AppState) -> Effect {
    state.first_pass_offered = true;
    let fields = vec![
        Field::new("strengths", "Strengths (a, b, c)", FieldKind::Text, ""),
        Field::new("values", "Values (a, b, c)", FieldKind::Text, ""),
        Field::new("s", "SWOT · a strength", FieldKind::Text, ""),
        Field::new("w", "SWOT · a weakness", FieldKind::Text, ""),
        Field::new("o", "SWOT · an opportunity", FieldKind::Text, ""),
        Field::new("t", "SWOT · a threat", FieldKind::Text, ""),
    ];
    let mut form = ItemForm::new(
        FormPurpose::FirstPass,
        "Getting to know you (Esc skips)".into(),
        fields,
    );
    form.note =
        Some("What are you good at? What matters to you at work? One line each is plenty.".into());
    state.form = Some(form);
    Effect::None
}

/// Adds what the first pass gathered to the profile.
pub fn save_first_pass(state: &mut AppState, mut form: ItemForm) -> Effect {
    let mut profile: Profile = state.plan.profile.clone();
    let mut r = Reader::new(&mut form, state.today);
    profile
        .strengths
        .extend(r.list("strengths").into_iter().map(|name| Quality {
            name,
            ..Quality::default()
        }));
    profile
        .values
        .extend(r.list("values").into_iter().map(|name| Named {
            name,
            ..Named::default()
        }));
    for ((name, _), list) in profile::SWOT_PARTS
        .into_iter()
        .zip(profile.swot.lists_mut())
    {
        let line = r.line(name);
        if !line.is_empty() {
            list.push(line);
        }
    }
    let select = state.selected;
    edit::apply(
        state,
        Op::SetProfile(Box::new(profile)),
        "first pass of the profile",
        select,
    )
}

/// Turns the selected piece of feedback into a step under its linked goal.
pub fn feedback_to_step(state: &mut AppState) -> Effect {
    if state.profile_section != 7 {
        state.info("Pick a piece of feedback first (the Feedback section).");
        return Effect::None;
    }
    let index = state.profile_row;
    let Some(feedback) = state.plan.profile.feedback.get(index).cloned() else {
        return Effect::None;
    };
    if feedback.step.is_some() {
        state.info("This feedback is already a step.");
        return Effect::None;
    }
    let Some(goal) = feedback.goal else {
        state.info("Link the feedback to a goal first (e, then its Goal field).");
        return Effect::None;
    };
    let mut plan = state.plan.clone();
    match profile::feedback_to_step(&mut plan, index, goal) {
        Some(op) => {
            state.plan.next_id = plan.next_id;
            let effect = edit::apply(state, op, "turn feedback into a step", None);
            state.info("The feedback is now a step under its goal.");
            effect
        }
        None => Effect::None,
    }
}

/// Turns the selected career path's first experiment into a new goal.
pub fn path_to_goal(state: &mut AppState) -> Effect {
    if state.profile_section != 8 {
        state.info("Pick a career path first (the Career paths section).");
        return Effect::None;
    }
    let index = state.profile_row;
    if state
        .plan
        .profile
        .paths
        .get(index)
        .is_some_and(|p| p.goal.is_some())
    {
        state.info("This path's experiment is already a goal.");
        return Effect::None;
    }
    let mut plan = state.plan.clone();
    match profile::path_to_goal(&mut plan, index, state.today) {
        Some(op) => {
            state.plan.next_id = plan.next_id;
            let effect = edit::apply(state, op, "make a goal from a career path", None);
            state.info("A new goal for the path's first experiment is in your goals.");
            effect
        }
        None => Effect::None,
    }
}
