//! A goal's card as goalcoach's Markdown export writes it under the goal's heading —
//! `Status: on hold, progress 40% (paused)`, `Specific: …`, `Achievable: …`, `Relevant: …`,
//! `Tags: …` — read back into a goal the import makes, so the export comes back with its
//! status and SMART words. The other lines (measures, barriers, resources, check-ins,
//! changes of course) are for people reading the file and are not read back.

use crate::model::text::{clean_line, clean_text};
use crate::model::{Goal, GoalStatus};

/// The labels a card line is read for.
const LABELS: [&str; 5] = ["Status", "Specific", "Achievable", "Relevant", "Tags"];

/// Whether `line` is one of the card lines goalcoach reads back (`Specific: …`).
pub fn is_card_line(line: &str) -> bool {
    lines(line)
        .first()
        .is_some_and(|(label, _)| LABELS.contains(&label.as_str()))
}

/// Sets what `card` says on a goal an import is making.
pub fn apply(goal: &mut Goal, card: &[(String, String)]) {
    for (label, value) in card {
        let value = value.trim();
        match label.as_str() {
            "Status" => {
                if let Some(status) = status_named(value) {
                    goal.status = status;
                }
            }
            "Specific" => goal.description = clean_text(value),
            "Achievable" => goal.achievable = clean_text(value),
            "Relevant" => goal.relevant = clean_text(value),
            "Tags" => {
                goal.tags = value
                    .split(',')
                    .map(|t| clean_line(t.trim()))
                    .filter(|t| !t.is_empty())
                    .collect()
            }
            _ => {}
        }
    }
}

/// The status a card's `Status:` line starts with ("on hold, progress 40% (paused)").
fn status_named(value: &str) -> Option<GoalStatus> {
    let word = value.split(',').next()?.trim();
    [
        GoalStatus::Active,
        GoalStatus::OnHold,
        GoalStatus::Done,
        GoalStatus::Dropped,
    ]
    .into_iter()
    .find(|s| s.label() == word)
}

/// A card paragraph's lines as `(label, value)`; lines without a `Label: ` are left out.
pub fn lines(paragraph: &str) -> Vec<(String, String)> {
    super::entry::restore_literals(paragraph)
        .lines()
        .filter_map(|line| {
            let (label, value) = line.split_once(": ")?;
            let label = label.trim();
            (!label.is_empty() && label.chars().all(|c| c.is_alphabetic() || c == ' '))
                .then(|| (label.to_string(), value.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_card_sets_status_and_smart_words_and_passes_over_the_rest() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mut goal = Goal::new(crate::model::ItemId(1), "Speak", day);
        let card = lines(
            "Status: dropped, progress 10% (dropped)\nSpecific: Give a talk\nTags: work, speaking\n\
             Barrier: nerves — if so: practise\nnot a card line",
        );
        assert_eq!(card.len(), 4);
        apply(&mut goal, &card);
        assert_eq!(goal.status, GoalStatus::Dropped);
        assert_eq!(goal.description, "Give a talk");
        assert_eq!(goal.tags, ["work", "speaking"]);
        assert!(goal.barriers.is_empty());
    }
}
