//! The step back: a monthly or quarterly review that looks further than a week. It asks how
//! satisfied the person is now (kept over time, so a trend shows), whether their values and
//! vision still hold, whether each goal is still relevant (keep, adapt or drop, with the
//! reason), how the career paths look now, what changed in the profile, and gathers the
//! period's achievements. Anchored to its period like the weekly review to its day: a late
//! step back still counts for the period it belongs to. This module holds the record and
//! its periods; when it is due and what it gathers from the plan is `stepping_back`.

use super::goal::Extra;
use super::ids::ItemId;
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// How often the person steps back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Cadence {
    Monthly,
    #[default]
    Quarterly,
}

impl Cadence {
    /// The cadence a setting names (`monthly`, `quarterly`).
    pub fn parse(text: &str) -> Option<Cadence> {
        match text.trim().to_lowercase().as_str() {
            "monthly" | "month" => Some(Cadence::Monthly),
            "quarterly" | "quarter" => Some(Cadence::Quarterly),
            _ => None,
        }
    }

    /// "monthly" or "quarterly", as text says it.
    pub fn adjective(self) -> &'static str {
        match self {
            Cadence::Monthly => "monthly",
            Cadence::Quarterly => "quarterly",
        }
    }

    fn months(self) -> u32 {
        match self {
            Cadence::Monthly => 1,
            Cadence::Quarterly => 3,
        }
    }

    /// How many days before its end a period's step back falls due.
    pub(super) fn lead_days(self) -> u64 {
        match self {
            Cadence::Monthly => 7,
            Cadence::Quarterly => 14,
        }
    }
}

/// A month or a quarter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// `2026-Q4` or `2026-11`.
    pub label: String,
    pub start: NaiveDate,
    /// The last day.
    pub end: NaiveDate,
}

/// The period of `cadence` that `date` falls in.
pub fn period_of(date: NaiveDate, cadence: Cadence) -> Period {
    let first_month = (date.month0() / cadence.months()) * cadence.months() + 1;
    let start = NaiveDate::from_ymd_opt(date.year(), first_month, 1).unwrap_or(date);
    let end = start
        .checked_add_months(Months::new(cadence.months()))
        .and_then(|d| d.pred_opt())
        .unwrap_or(start);
    let label = match cadence {
        Cadence::Monthly => format!("{}-{:02}", date.year(), date.month()),
        Cadence::Quarterly => format!("{}-Q{}", date.year(), date.month0() / 3 + 1),
    };
    Period { label, start, end }
}

/// The period a label names (`2026-Q4`, `2026-11`); `None` when it names none.
pub fn parse_period(label: &str) -> Option<Period> {
    let (year, rest) = label.split_once('-')?;
    let year: i32 = year.parse().ok()?;
    let (month, cadence) = match rest.strip_prefix('Q') {
        Some(q) => (
            q.parse::<u32>().ok().filter(|q| (1..=4).contains(q))? * 3,
            Cadence::Quarterly,
        ),
        None => (rest.parse().ok()?, Cadence::Monthly),
    };
    let day = NaiveDate::from_ymd_opt(year, month, 1)?;
    Some(period_of(day, cadence)).filter(|p| p.label == label)
}

/// The period before `period`.
pub(super) fn previous(period: &Period, cadence: Cadence) -> Period {
    period_of(period.start.pred_opt().unwrap_or(period.start), cadence)
}

/// Whether one of the goal's relevance decisions keeps, adapts or drops it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relevance {
    #[default]
    Keep,
    Adapt,
    Drop,
}

impl Relevance {
    /// The three choices as a form offers them.
    pub const CHOICES: &'static [&'static str] = &["keep", "adapt", "drop"];

    /// The decision a form's choice names.
    pub fn from_choice(choice: &str) -> Relevance {
        match choice {
            "adapt" => Relevance::Adapt,
            "drop" => Relevance::Drop,
            _ => Relevance::Keep,
        }
    }

    /// The word for it.
    pub fn label(self) -> &'static str {
        Relevance::CHOICES[self as usize]
    }
}

/// A goal looked at in a step back: still relevant?
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct GoalCheck {
    pub goal: ItemId,
    pub decision: Relevance,
    pub reason: String,
}

/// A satisfaction rating on a day (1 to 10), with what lies behind it.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Rating {
    pub date: NaiveDate,
    pub value: u8,
    pub note: String,
}

/// The stages of a step back, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    Satisfaction,
    ValuesVision,
    Goals,
    Paths,
    Profile,
    Achievements,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 6] = [
        Stage::Satisfaction,
        Stage::ValuesVision,
        Stage::Goals,
        Stage::Paths,
        Stage::Profile,
        Stage::Achievements,
    ];

    /// The name the record stores.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Satisfaction => "satisfaction",
            Stage::ValuesVision => "values_vision",
            Stage::Goals => "goals",
            Stage::Paths => "paths",
            Stage::Profile => "profile",
            Stage::Achievements => "achievements",
        }
    }

    /// The stage a stored name stands for; an unknown name resumes at the first stage.
    pub fn from_name(name: &str) -> Stage {
        Stage::ALL
            .into_iter()
            .find(|s| s.name() == name)
            .unwrap_or(Stage::Satisfaction)
    }

    /// The stage's heading.
    pub fn title(self) -> &'static str {
        match self {
            Stage::Satisfaction => "How satisfied are you now?",
            Stage::ValuesVision => "Values and vision",
            Stage::Goals => "Are your goals still the right ones?",
            Stage::Paths => "Career paths",
            Stage::Profile => "What changed about you",
            Stage::Achievements => "This period's achievements",
        }
    }

    /// Where the stage is in `ALL`, from 0.
    pub fn position(self) -> usize {
        Stage::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The stage after this one; `None` after the last.
    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.position() + 1).copied()
    }
}

/// The record of one step back.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StepBack {
    /// The period it is for: `2026-Q4` or `2026-11`.
    pub period: String,
    /// The day it was started, then the day it was finished.
    pub date: NaiveDate,
    /// Where an unfinished step back stopped; `None` once finished.
    pub stage: Option<String>,
    pub satisfaction: Option<u8>,
    pub satisfaction_note: String,
    /// Whether the values still hold, in the person's words.
    pub values_note: String,
    /// Whether the vision still holds, in the person's words.
    pub vision_note: String,
    pub goals: Vec<GoalCheck>,
    /// The career paths revisited.
    pub paths_note: String,
    /// What changed in the profile.
    pub profile_note: String,
    /// The period's achievements, as they read when it was finished.
    pub achievements: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl StepBack {
    /// The stage an unfinished step back stopped at; `None` once finished.
    pub fn current_stage(&self) -> Option<Stage> {
        self.stage.as_deref().map(Stage::from_name)
    }

    /// A new record for `period`, started on `today` at the first stage.
    pub fn start(period: &Period, today: NaiveDate) -> StepBack {
        StepBack {
            period: period.label.clone(),
            date: today,
            stage: Some(Stage::Satisfaction.name().to_string()),
            ..StepBack::default()
        }
    }

    /// The record once `stage` is answered: at the next stage, or finished on `today`.
    pub fn passed(&self, stage: Stage, today: NaiveDate) -> StepBack {
        let mut record = self.clone();
        match stage.next() {
            Some(next) => record.stage = Some(next.name().to_string()),
            None => {
                record.stage = None;
                record.date = today;
            }
        }
        record
    }
}
