//! The guided walks on screen: the journey a new person is led through, and the monthly or
//! quarterly step back. Each is a chain of forms, one per stage, built by `forms::journey` and
//! `forms::stepback`; here a stage is opened, the next one follows once a stage is saved, and
//! the end is marked (the journey ends on the Goals screen with the first goal selected).
//! The walk's place is saved in the plan with every stage, so it resumes after a quit.

use super::action::{Action, Effect, Screen};
use super::core::Core;
use super::forms::journey as journey_forms;
use super::forms::stepback as stepback_forms;
use super::forms::{Field, FieldKind, Form, FormKind};
use crate::keymap::Layer;
use crate::model::journey::Stage;
use crate::model::stepback::{self};
use crate::model::stepping_back::{self, State};

/// Opens journey stage `stage`; `chained` goes on to the next stage once it is saved.
pub fn open_journey(core: &mut Core, stage: Stage, chained: bool) -> Effect {
    let mut form = journey_forms::stage_form(core.plan(), stage, chained, core.today());
    if stage == Stage::ReviewDay
        && let Some(day) = form.fields.first_mut()
    {
        // The day in force (the plan's, else the config's) is the one offered.
        day.choice = core.review_day().num_days_from_monday() as usize;
    }
    core.open_form(form)
}

/// Opens the journey where it stopped (at the start the first time), going on from there.
pub fn resume_journey(core: &mut Core) -> Effect {
    let journey = &core.plan().profile.journey;
    let stage = if journey.finished.is_some() {
        Stage::Goal
    } else {
        journey.resume_at()
    };
    open_journey(core, stage, true)
}

/// At start: a plan with nothing in it yet opens the journey, and one that stopped midway
/// picks up where it stopped. Nothing opens in a read-only instance.
pub fn offer_on_start(core: &mut Core) {
    let plan = core.plan();
    let fresh = plan.goals.is_empty() && plan.profile.is_empty() && plan.reviews.is_empty();
    let journey = &plan.profile.journey;
    let untouched = journey.is_untouched();
    if core.session.read_only.is_some() || !(fresh && untouched || journey.is_under_way()) {
        return;
    }
    let _ = resume_journey(core);
}

/// Asks which stage of the journey to go through again (from the Profile screen).
pub fn open_picker(core: &mut Core) -> Effect {
    let journey = &core.plan().profile.journey;
    let at = journey.resume_at();
    let field = Field::new(
        "stage",
        "Go through",
        FieldKind::Choice(&Stage::TITLES),
        at.title(),
    );
    let mut form = Form::new(FormKind::JourneyPicker, "Guided start".into(), vec![field]);
    form.note = Some(
        "Any step of the guided start can be taken again: what you add joins what is there. \
         The goal step goes on through its milestone, step and barriers."
            .into(),
    );
    core.open_form(form)
}

/// Opens the stage picked in the picker.
pub fn open_picked(core: &mut Core, stage: Stage) -> Effect {
    if stage.needs_goal() && core.plan().profile.journey.goal.is_none() {
        core.info("That step works on the goal of the guided start; start from “Your first goal”.");
        return Effect::None;
    }
    open_journey(core, stage, stage == Stage::Goal)
}

/// After a form was saved: a chained journey stage opens the next one (or ends the journey),
/// a step-back stage opens the next one (or says it is done).
pub fn after_submit(core: &mut Core, kind: &FormKind) {
    match kind {
        FormKind::Journey {
            stage,
            chained: true,
        } => {
            let plan = core.plan();
            match journey_forms::next_stage(plan, &plan.profile.journey, *stage) {
                Some(next) => {
                    let _ = open_journey(core, next, true);
                }
                None => end_journey(core),
            }
        }
        FormKind::CheckIn(goal) => {
            if let Some(g) = core
                .plan()
                .goal(*goal)
                .filter(|g| crate::model::coach::at_target(g))
            {
                let text = format!("“{}” has reached its target. Mark the goal done?", g.title);
                core.ask(text, crate::app::overlay::Answer::FinishToo(*goal));
                return;
            }
            let skip = core.key(Layer::Form, &Action::Cancel);
            let asked = core.plan().goal(*goal).and_then(|g| {
                let (confidence, before) = crate::model::coach::low_confidence(g)?;
                Some(crate::app::forms::coach::raise_confidence(
                    g, confidence, before, &skip,
                ))
            });
            if let Some(form) = asked {
                let _ = core.open_form(form);
            }
        }
        FormKind::StepBack { period, stage } => match stage.next() {
            Some(next) => {
                let _ = open_step_back_at(core, period, next);
            }
            None => core.info(format!(
                "Step back for {period} saved. Your satisfaction trend is on the Review screen."
            )),
        },
        _ => {}
    }
}

/// The journey's end: the Goals screen with its goal selected, and what comes next.
fn end_journey(core: &mut Core) {
    core.screen = Screen::Goals;
    let plan = core.plan();
    let journey = &plan.profile.journey;
    let goal = journey.goal.filter(|id| plan.goal(*id).is_some());
    let review = journey_forms::review_day_words(plan, core.review_day(), core.today());
    let message = match goal {
        Some(_) => format!(
            "Your first plan is ready. First weekly review: {review}. {} adds more to it.",
            core.key(Layer::Screen(Screen::Goals), &Action::AddChild)
        ),
        None => format!(
            "Profile saved. Press {} to write your first goal when you are ready.",
            core.key(Layer::Screen(Screen::Goals), &Action::NewGoal)
        ),
    };
    core.focus = goal.or(core.focus);
    core.info(message);
}

/// Starts or resumes the step back due now (or takes it early), saying why when there is
/// nothing to step back from.
pub fn open_step_back(core: &mut Core) -> Effect {
    let cadence = core.settings.step_back;
    match stepping_back::state(core.plan(), core.today(), cadence) {
        State::NotYet { .. } => {
            core.info(
                "A step back looks at a month or a quarter of your plan; write a goal first.",
            );
            Effect::None
        }
        State::Done { period } => {
            core.info(format!(
                "The step back for {} is done. The next is for the following {}.",
                period.label,
                if cadence == stepback::Cadence::Monthly {
                    "month"
                } else {
                    "quarter"
                }
            ));
            Effect::None
        }
        State::InProgress { period, stage } => open_step_back_at(core, &period.label, stage),
        State::Due { period } | State::Upcoming { period, .. } => {
            open_step_back_at(core, &period.label, stepback::Stage::Satisfaction)
        }
    }
}

fn open_step_back_at(core: &mut Core, period: &str, stage: stepback::Stage) -> Effect {
    let form = stepback_forms::stage_form(core.plan(), period, stage, core.today());
    core.open_form(form)
}
