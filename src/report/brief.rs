//! The brief for a 1:1: one page a person brings to their coach, mentor or manager. For each
//! active goal: its standing, each measure then → now, milestones reached, commitments kept,
//! barriers that got in the way (and whether the plan worked), changes of course; then the
//! achievements logged and the feedback asked for, all since a day (four weeks back by
//! default). Markdown or plain text.

use crate::model::progress;
use crate::model::text::number_text;
use crate::model::{Goal, Measure, Plan, weekly};
use chrono::NaiveDate;

/// How the brief is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
}

/// The brief covering `since` to `today`.
pub fn brief(plan: &Plan, since: NaiveDate, today: NaiveDate, format: Format) -> String {
    let mut out = Out {
        text: String::new(),
        format,
    };
    out.title(&format!("Career brief, {since} to {today}"));
    let active: Vec<&Goal> = plan.goals.iter().filter(|g| g.is_active()).collect();
    if active.is_empty() {
        out.line("No active goals.");
    }
    for goal in active {
        goal_part(&mut out, plan, goal, since, today);
    }
    achievements_part(&mut out, plan, since);
    feedback_part(&mut out, plan, since);
    out.text
}

struct Out {
    text: String,
    format: Format,
}

impl Out {
    fn title(&mut self, t: &str) {
        match self.format {
            Format::Markdown => self.text.push_str(&format!("# {t}\n")),
            Format::Text => self
                .text
                .push_str(&format!("{t}\n{}\n", "=".repeat(t.chars().count()))),
        }
    }

    fn heading(&mut self, h: &str) {
        match self.format {
            Format::Markdown => self.text.push_str(&format!("\n## {h}\n\n")),
            Format::Text => self
                .text
                .push_str(&format!("\n{h}\n{}\n", "-".repeat(h.chars().count()))),
        }
    }

    fn item(&mut self, what: &str) {
        let bullet = if self.format == Format::Markdown {
            "- "
        } else {
            "  * "
        };
        self.text
            .push_str(&format!("{bullet}{}\n", what.replace('\n', " ")));
    }

    fn line(&mut self, what: &str) {
        self.text.push_str(&format!("{what}\n"));
    }
}

/// The value `m` had on `since`: its last point on or before that day, else its start.
fn value_then(m: &Measure, since: NaiveDate) -> f64 {
    m.points
        .iter()
        .filter(|p| p.date <= since)
        .max_by_key(|p| p.date)
        .map_or(m.start, |p| p.value)
}

fn goal_part(out: &mut Out, plan: &Plan, goal: &Goal, since: NaiveDate, today: NaiveDate) {
    let pace = progress::pace(goal, today);
    out.heading(&goal.title);
    let due = goal
        .deadline
        .map(|d| format!(", due {d}"))
        .unwrap_or_default();
    out.line(&format!(
        "{:.0}% · {}{due}",
        pace.progress * 100.0,
        pace.standing.label()
    ));
    for m in goal.measures_leading_first() {
        let p = progress::measure_pace(goal, m, today);
        let unit = if m.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", m.unit)
        };
        out.item(&format!(
            "{} ({}): {} → {} of {}{unit} · {}",
            m.label(),
            m.kind_label(),
            number_text(value_then(m, since)),
            number_text(m.current),
            number_text(m.target),
            p.standing.label()
        ));
    }
    for m in goal
        .milestones
        .iter()
        .filter(|m| m.done.is_some_and(|d| d >= since))
    {
        out.item(&format!("Milestone reached: {}", m.title));
    }
    commitments(out, plan, goal, since);
    for b in &goal.barriers {
        for hit in b.log.iter().filter(|h| h.date >= since) {
            let worked = match hit.plan_worked {
                Some(true) => "; the plan worked",
                Some(false) => "; the plan did not work",
                None => "",
            };
            out.item(&format!(
                "In the way on {}: {} (plan: {}){worked}",
                hit.date, b.obstacle, b.strategy
            ));
        }
    }
    for a in goal.adaptations.iter().filter(|a| a.date >= since) {
        let why = if a.why.is_empty() {
            String::new()
        } else {
            format!(": {}", a.why)
        };
        out.item(&format!(
            "Changed course on {}: {}{why}",
            a.date,
            crate::model::adapt::describe(a)
        ));
    }
}

/// The steps of `goal` committed to in the reviews since `since`, and how many were kept.
fn commitments(out: &mut Out, plan: &Plan, goal: &Goal, since: NaiveDate) {
    let steps: Vec<_> = goal.all_steps().collect();
    let (mut made, mut kept) = (0, 0);
    for review in plan
        .reviews
        .iter()
        .filter(|r| r.date >= since && r.stage.is_none())
    {
        for id in &review.commitments {
            if let Some(step) = steps.iter().find(|s| s.id == *id) {
                made += 1;
                kept += usize::from(weekly::commitment_kept(step, review.date));
            }
        }
    }
    if made > 0 {
        out.item(&format!("Commitments kept: {kept} of {made}"));
    }
}

fn achievements_part(out: &mut Out, plan: &Plan, since: NaiveDate) {
    let mut list: Vec<_> = plan
        .profile
        .achievements
        .iter()
        .filter(|a| a.date >= since && !a.date_unknown)
        .collect();
    if list.is_empty() {
        return;
    }
    list.sort_by_key(|a| a.date);
    out.heading("Achievements");
    for a in list {
        let evidence = if a.evidence.is_empty() {
            String::new()
        } else {
            format!(" — {}", a.evidence)
        };
        out.item(&format!("{} {}{evidence}", a.date, a.what));
    }
}

fn feedback_part(out: &mut Out, plan: &Plan, since: NaiveDate) {
    let asked: Vec<_> = plan
        .reviews
        .iter()
        .filter(|r| r.date >= since && !r.ask_feedback.trim().is_empty())
        .collect();
    let heard: Vec<_> = plan
        .profile
        .feedback
        .iter()
        .filter(|f| f.date >= since)
        .collect();
    if asked.is_empty() && heard.is_empty() {
        return;
    }
    out.heading("Feedback");
    for r in asked {
        out.item(&format!(
            "Asked for ({}): {}",
            r.week,
            r.ask_feedback.trim()
        ));
    }
    for f in heard {
        out.item(&format!("{} from {}: {}", f.date, f.from, f.what));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Adaptation, Barrier, BarrierHit, ItemId, Milestone};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_brief_says_what_moved_since_the_day() {
        let mut plan = Plan::default();
        let mut g = Goal::new(ItemId(1), "Move into management", d("2026-09-01"));
        g.deadline = Some(d("2027-06-30"));
        let mut reports = Measure::new("Direct reports", "people", 0.0, 5.0);
        reports.record(d("2026-10-01"), 0.0);
        reports.record(d("2026-11-20"), 1.0);
        let mut ones = Measure::new("1:1s held", "", 0.0, 12.0);
        ones.leading = true;
        ones.record(d("2026-11-25"), 4.0);
        g.measures = vec![reports, ones];
        let mut m = Milestone::new(ItemId(2), "Shadow a manager");
        m.done = Some(d("2026-11-15"));
        g.milestones.push(m);
        g.barriers.push(Barrier {
            obstacle: "On-call weeks".into(),
            strategy: "move the 1:1 to Friday".into(),
            log: vec![BarrierHit {
                date: d("2026-11-12"),
                plan_worked: Some(true),
            }],
            ..Barrier::default()
        });
        g.adaptations.push(Adaptation {
            date: d("2026-11-10"),
            what: "deadline".into(),
            from: "2027-03-31".into(),
            to: "2027-06-30".into(),
            why: "the reorg".into(),
        });
        plan.goals.push(g);
        let text = brief(&plan, d("2026-11-03"), d("2026-12-01"), Format::Markdown);
        assert!(
            text.starts_with("# Career brief, 2026-11-03 to 2026-12-01\n"),
            "{text}"
        );
        let leading = text
            .find("1:1s held (leading): 0 → 4 of 12")
            .expect("leading first");
        let lagging = text
            .find("Direct reports (lagging): 0 → 1 of 5 people")
            .unwrap();
        assert!(leading < lagging, "{text}");
        assert!(
            text.contains("0 → 4 of 12 · "),
            "no stray space without a unit: {text}"
        );
        assert!(text.contains("- Milestone reached: Shadow a manager"));
        assert!(text.contains("In the way on 2026-11-12: On-call weeks"));
        assert!(text.contains("the plan worked"));
        assert!(text.contains("moved the deadline from 2027-03-31 to 2027-06-30: the reorg"));
        let plain = brief(&plan, d("2026-11-03"), d("2026-12-01"), Format::Text);
        assert!(
            plain.contains("Move into management\n--------------------"),
            "{plain}"
        );
    }
}
