//! The `[calendar]` section of the configuration: the folder to sync with and when the phone
//! reminds. Read by `config`, used by the calendar sync.

use std::path::PathBuf;
use toml::Value;

/// The `[calendar]` section.
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarConfig {
    /// The vdir goalcoach writes to and reads from (vdirsyncer carries it to a server).
    pub vdir: Option<PathBuf>,
    /// When the phone reminds of a due item; `None` for no reminders.
    pub reminder: Option<super::vtodo::Reminder>,
}

impl Default for CalendarConfig {
    fn default() -> Self {
        CalendarConfig {
            vdir: None,
            reminder: Some(super::vtodo::Reminder {
                days_before: 0,
                at: chrono::NaiveTime::from_hms_opt(9, 0, 0).expect("a time"),
            }),
        }
    }
}

/// Sets one setting of `[calendar]`; the error says what is wrong and what is used instead.
pub fn set(calendar: &mut CalendarConfig, name: &str, value: &Value) -> Result<(), String> {
    let text = || value.as_str().ok_or_else(|| format!("{value} is not text"));
    match name {
        "vdir" => {
            let path = text()?.trim();
            if path.is_empty() {
                return Err("the folder is empty; no calendar folder is set".to_string());
            }
            calendar.vdir = Some(expand_home(path));
        }
        "remind" => {
            let at = text()?.trim();
            calendar.reminder = match at {
                "off" | "none" | "" => None,
                at => {
                    let time = chrono::NaiveTime::parse_from_str(at, "%H:%M").map_err(|_| {
                        format!("remind = \"{at}\" is not a time like \"09:00\" or \"off\"; reminding at 09:00")
                    })?;
                    let days_before = calendar.reminder.map_or(0, |r| r.days_before);
                    Some(super::vtodo::Reminder {
                        days_before,
                        at: time,
                    })
                }
            };
        }
        "remind_days_before" => {
            let days = value
                .as_integer()
                .filter(|d| (0..=30).contains(d))
                .ok_or_else(|| format!("{value} is not a number of days from 0 to 30; using 0"))?;
            if let Some(r) = calendar.reminder.as_mut() {
                r.days_before = days as u32;
            }
        }
        _ => {
            return Err(
                "unknown setting (settings: vdir, remind, remind_days_before); passed over"
                    .to_string(),
            );
        }
    }
    Ok(())
}

/// `~/x` as the home directory's `x`.
fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}
