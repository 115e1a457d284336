//! The sample plan behind `goalcoach --demo`: a realistic career plan with dates around
//! today, opened from a temporary directory so the person's own data is never touched.

use crate::model::profile::{Named, Quality};
use crate::model::{
    ActionStep, Barrier, CheckIn, Goal, GoalStatus, ItemId, Measure, Milestone, Plan, Recurrence,
    Resource, ResourceKind,
};
use crate::store::Store;
use anyhow::{Context, Result};
use chrono::NaiveDate;

/// Writes the sample plan into a fresh temporary directory, removed when dropped.
pub fn prepare(today: NaiveDate) -> Result<tempfile::TempDir> {
    let dir = tempfile::Builder::new()
        .prefix("goalcoach-demo-")
        .tempdir()
        .context("cannot create a temporary directory for the demo")?;
    let (mut store, _) = Store::open(dir.path(), today)?;
    store.save(&sample_plan(today))?;
    Ok(dir)
}

struct Ids(u64);

impl Ids {
    fn next(&mut self) -> ItemId {
        self.0 += 1;
        ItemId(self.0)
    }
}

fn shift(today: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        crate::model::dates::plus_days(today, days as u64)
    } else {
        crate::model::dates::minus_days(today, days.unsigned_abs())
    }
}

fn step(ids: &mut Ids, title: &str, due: Option<NaiveDate>, done: Option<NaiveDate>) -> ActionStep {
    let mut s = ActionStep::new(ids.next(), title);
    s.due = due;
    s.done = done;
    s
}

/// The sample plan, with every date placed relative to `today`.
pub fn sample_plan(today: NaiveDate) -> Plan {
    let d = |days| shift(today, days);
    let mut ids = Ids(0);
    let goals = vec![
        staff_role(&mut ids, &d),
        conference_talk(&mut ids, &d),
        certification(&mut ids, &d),
        product_network(&mut ids, &d),
    ];
    let mut plan = Plan {
        uid: "demo".into(),
        goals,
        ..Plan::default()
    };
    let _ = crate::model::check::repair_ids(&mut plan);
    plan.profile.current_role = "Senior backend engineer, payments team".into();
    plan.profile.satisfaction = Some(7);
    plan.profile.strengths = vec![Quality {
        id: 0,
        name: "Explaining complex systems".into(),
        evidence: "New joiners ask for my onboarding sessions".into(),
        plan: "Write and speak more outside the team".into(),
    }];
    demo_profile_extras(&mut plan, today);
    demo_journey(&mut plan, today);
    plan.profile.values = vec![
        Named {
            id: 0,
            name: "growth".into(),
            note: "Learning something hard every quarter".into(),
        },
        Named {
            id: 0,
            name: "impact".into(),
            note: "Work that customers notice".into(),
        },
    ];
    crate::model::entries::repair(&mut plan.profile);
    plan
}

/// What the guided start and a first step back left in the profile: the vision, the ratings
/// of satisfaction over time, the review day, and the journey marked finished.
fn demo_journey(plan: &mut Plan, today: NaiveDate) {
    use crate::model::journey::Journey;
    use crate::model::stepback::{GoalCheck, Rating, Relevance, StepBack, period_of};
    let d = |days| shift(today, days);
    let p = &mut plan.profile;
    p.vision = "In two years I set the technical direction for payments as a staff engineer, \
                and people outside my team know my work."
        .into();
    p.review_day = Some("sunday".into());
    p.journey = Journey {
        started: Some(d(-90)),
        next: None,
        goal: Some(plan.goals[0].id),
        finished: Some(d(-90)),
    };
    p.satisfaction_log = [(-90, 5), (-45, 6), (-3, 7)]
        .into_iter()
        .map(|(days, value)| Rating {
            date: d(days),
            value,
            note: String::new(),
        })
        .collect();
    let last_quarter = period_of(d(-95), crate::model::stepback::Cadence::Quarterly);
    p.step_backs = vec![StepBack {
        period: last_quarter.label.clone(),
        date: d(-45),
        satisfaction: Some(6),
        satisfaction_note: "Better since the migration started".into(),
        values_note: "Still growth and impact".into(),
        goals: vec![GoalCheck {
            goal: plan.goals[3].id,
            decision: Relevance::Adapt,
            reason: "Keep it small until the migration ships".into(),
        }],
        ..StepBack::default()
    }];
}

fn demo_profile_extras(plan: &mut Plan, today: NaiveDate) {
    use crate::model::profile::{Achievement, Feedback, Swot};
    let d = |days| shift(today, days);
    let p = &mut plan.profile;
    p.keep = "Owning hard technical problems end to end".into();
    p.change = "More influence beyond my own team".into();
    p.growth_areas = vec![Quality {
        id: 0,
        name: "Public speaking".into(),
        evidence: "Nervous in all-hands demos".into(),
        plan: "A talk at a meetup before the conference".into(),
    }];
    p.interests = vec![Named {
        id: 0,
        name: "Distributed systems".into(),
        note: String::new(),
    }];
    p.swot = Swot {
        strengths: vec!["Deep knowledge of the payments stack".into()],
        weaknesses: vec!["Little visibility outside the team".into()],
        opportunities: vec!["The migration is a company priority".into()],
        threats: vec!["A reorganisation could change the team".into()],
    };
    p.achievements = vec![Achievement {
        date: d(-10),
        what: "Migration design doc approved".into(),
        evidence: "Adopted by two other teams".into(),
        goal: Some(ItemId(1)),
        ..Achievement::default()
    }];
    p.feedback = vec![Feedback {
        id: 0,
        date: d(-14),
        from: "Priya (principal engineer)".into(),
        what: "Write up decisions so others can follow them".into(),
        goal: Some(ItemId(1)),
        step: None,
        about: vec!["Explaining complex systems".into()],
    }];
    p.paths = demo_paths();
}

/// The two career paths being weighed.
fn demo_paths() -> Vec<crate::model::profile::CareerPath> {
    use crate::model::profile::CareerPath;
    vec![
        CareerPath {
            id: 0,
            name: "Staff engineer".into(),
            why: "Technical direction without managing people".into(),
            pros: vec!["Keeps me hands-on".into()],
            cons: vec!["Influence without authority".into()],
            skills_gap: vec!["Writing for a wide audience".into()],
            values_fit: Some(5),
            first_experiment: "Lead one architecture review".into(),
            goal: None,
        },
        CareerPath {
            id: 0,
            name: "Engineering manager".into(),
            why: "Growing people".into(),
            pros: vec!["Direct impact on a team".into()],
            cons: vec!["Less time for code".into()],
            skills_gap: vec!["Coaching".into(), "Hiring".into()],
            values_fit: Some(3),
            first_experiment: "Mentor a new joiner for a quarter".into(),
            goal: None,
        },
    ]
}

fn staff_role(ids: &mut Ids, d: &dyn Fn(i64) -> NaiveDate) -> Goal {
    let mut g = Goal::new(ids.next(), "Move into a staff engineer role", d(-60));
    g.description =
        "Be promoted to staff engineer, owning the technical direction of payments".into();
    g.achievable = "Manager supports it; two years of senior-level scope already".into();
    g.relevant = "It is the next step towards shaping architecture across teams".into();
    g.values = vec!["growth".into(), "impact".into()];
    g.strengths = vec!["Explaining complex systems".into()];
    g.deadline = Some(d(220));
    g.importance = 3;
    g.barriers = vec![Barrier {
        obstacle: "Little visibility outside my own team".into(),
        strategy: "If a milestone lands, then I post a short write-up to the engineering channel"
            .into(),
        ..Barrier::default()
    }];
    g.resources = vec![Resource {
        what: "Sponsor among the principal engineers".into(),
        kind: ResourceKind::People,
        secured: false,
    }];
    g.milestones = staff_milestones(ids, d);
    g.steps = vec![step(
        ids,
        "Read “Staff Engineer” by Will Larson",
        Some(d(20)),
        None,
    )];
    g.checkins = vec![CheckIn {
        date: d(-7),
        confidence: 3,
        note: "Design doc well received".into(),
        ..CheckIn::default()
    }];
    g
}

/// The staff role's milestones: the migration to lead, and a sponsor to find.
fn staff_milestones(ids: &mut Ids, d: &dyn Fn(i64) -> NaiveDate) -> Vec<Milestone> {
    let mut lead = Milestone::new(ids.next(), "Lead the payments migration end to end");
    lead.target = Some(d(60));
    lead.weight = 2.0;
    lead.steps = vec![
        step(
            ids,
            "Write the migration design doc",
            Some(d(-12)),
            Some(d(-10)),
        ),
        step(
            ids,
            "Present the plan at architecture review",
            Some(d(3)),
            None,
        ),
        step(
            ids,
            "Pair with SRE on the rollout runbook",
            Some(d(12)),
            None,
        ),
    ];
    let mut sponsor = Milestone::new(ids.next(), "Find a sponsor among the principal engineers");
    sponsor.target = Some(d(30));
    sponsor.steps = vec![
        step(
            ids,
            "List three people whose work I admire",
            Some(d(-20)),
            Some(d(-18)),
        ),
        step(ids, "Ask Priya for a monthly 1:1", Some(d(-2)), None),
    ];
    vec![lead, sponsor]
}

fn conference_talk(ids: &mut Ids, d: &dyn Fn(i64) -> NaiveDate) -> Goal {
    let mut g = Goal::new(ids.next(), "Give a talk at a regional conference", d(-30));
    g.description = "A 30-minute talk on what the payments migration taught us".into();
    let mut proposals = Measure::new("Proposals sent", "proposals", 0.0, 3.0);
    proposals.id = 2;
    proposals.leading = true;
    proposals.record(d(-6), 1.0);
    let mut talks = Measure::new("Talks given", "talks", 0.0, 1.0);
    talks.id = 1;
    g.measures = vec![talks, proposals];
    g.relevant = "Speaking builds the visibility the staff role needs".into();
    g.strengths = vec!["Explaining complex systems".into()];
    g.deadline = Some(d(150));
    let mut cfp = Milestone::new(ids.next(), "Submit a proposal to three CFPs");
    cfp.target = Some(d(25));
    cfp.steps = vec![
        step(ids, "Pick three conferences", Some(d(-5)), Some(d(-6))),
        step(ids, "Draft the abstract", Some(d(0)), None),
    ];
    let mut practice = step(ids, "Practise the talk with a friend", Some(d(5)), None);
    practice.recurrence = Some(Recurrence::WEEKLY);
    g.milestones = vec![cfp];
    g.steps = vec![practice];
    g
}

fn certification(ids: &mut Ids, d: &dyn Fn(i64) -> NaiveDate) -> Goal {
    let mut g = Goal::new(ids.next(), "Pass the cloud architect certification", d(-45));
    g.description = "Pass the associate-level architect exam on the first attempt".into();
    let mut score = Measure::new("Practice score", "%", 55.0, 80.0);
    score.id = 1;
    for (day, value) in [(-40, 55.0), (-20, 60.0), (-5, 64.0)] {
        score.record(d(day), value);
    }
    g.measures = vec![score];
    g.achievable = "Employer pays for the exam; 4 hours a week blocked for study".into();
    g.relevant = "Closes the infrastructure gap in my profile".into();
    g.deadline = Some(d(40));
    g.checkins = vec![
        CheckIn {
            date: d(-40),
            confidence: 3,
            note: "First practice exam".into(),
            ..CheckIn::default()
        },
        CheckIn {
            date: d(-20),
            confidence: 3,
            note: String::new(),
            ..CheckIn::default()
        },
        CheckIn {
            date: d(-5),
            confidence: 2,
            note: "Networking questions are hard".into(),
            ..CheckIn::default()
        },
    ];
    g.barriers = vec![Barrier {
        obstacle: "Evenings get eaten by on-call".into(),
        strategy: "If on-call wrecks an evening, then I study Saturday morning instead".into(),
        ..Barrier::default()
    }];
    let mut networking = step(ids, "Finish the networking module", Some(d(4)), None);
    networking.importance = 3;
    let mut book = step(ids, "Book the exam date", Some(d(10)), None);
    book.importance = 1;
    book.urgency = 3;
    g.steps = vec![networking, book];
    g
}

fn product_network(ids: &mut Ids, d: &dyn Fn(i64) -> NaiveDate) -> Goal {
    let mut g = Goal::new(ids.next(), "Explore product management as a path", d(-90));
    g.status = GoalStatus::OnHold;
    g.notes = "Paused until the migration ships.".into();
    g.steps = vec![step(ids, "Coffee with two product managers", None, None)];
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_what_a_finished_guided_start_leaves() {
        let plan = sample_plan(NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
        let p = &plan.profile;
        assert!(p.journey.finished.is_some() && !p.journey.is_under_way());
        let goal = plan.goal(p.journey.goal.unwrap()).unwrap();
        assert_eq!(
            crate::model::smart::gaps_label(goal, NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()),
            "",
            "the journey's goal is SMART"
        );
        assert!(!p.vision.is_empty() && p.satisfaction_log.len() >= 2);
        assert!(crate::model::check::problems(&plan).is_empty());
    }

    #[test]
    fn sample_plan_has_unique_ids_and_a_fixed_id_counter() {
        let plan = sample_plan(NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
        assert_eq!(plan.next_num, plan.max_num() + 1);
        let mut ids = std::collections::HashSet::new();
        for g in &plan.goals {
            assert!(ids.insert(g.id));
            for m in &g.milestones {
                assert!(ids.insert(m.id));
            }
            for s in g.all_steps() {
                assert!(ids.insert(s.id));
            }
        }
        assert_eq!(ids.len(), plan.item_count());
    }
}
