//! The user's settings in `config.toml` (the platform's config directory, or `--config FILE`
//! / `GOALCOACH_CONFIG`): keys for every action, colour theme, week start, review day, mouse.
//! A missing file means defaults; a bad one is reported by key and line and the rest of it,
//! or the defaults, still apply.

use crate::keymap::Keymap;
use crate::model::stepback::Cadence;
use anyhow::Result;
use chrono::Weekday;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// How dates are written on screen unless configured.
pub const DEFAULT_DATE_FORMAT: &str = "%Y-%m-%d";

/// The environment variable naming the config file.
pub const CONFIG_ENV: &str = "GOALCOACH_CONFIG";

/// Colours for a dark (default) or light terminal background.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    Dark,
    Light,
}

/// One key or several.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct File {
    theme: Theme,
    week_start: Option<String>,
    review_day: Option<String>,
    step_back: Option<String>,
    mouse: Option<bool>,
    date_format: Option<String>,
    keys: BTreeMap<String, Keys>,
}

/// The settings in force.
#[derive(Clone, Debug)]
pub struct Config {
    pub theme: Theme,
    pub week_start: Weekday,
    /// The day the weekly review belongs to, unless the plan names its own.
    pub review_day: Weekday,
    /// How often the step back comes round.
    pub step_back: Cadence,
    pub mouse: bool,
    /// How dates are written on screen (strftime; files and exports stay ISO).
    pub date_format: String,
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: Theme::Dark,
            week_start: Weekday::Mon,
            review_day: Weekday::Sun,
            step_back: Cadence::Quarterly,
            mouse: true,
            date_format: DEFAULT_DATE_FORMAT.to_string(),
            keymap: Keymap::default(),
        }
    }
}

/// Where the config file is: the explicit path, else `$GOALCOACH_CONFIG`, else the default.
pub fn config_path(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(CONFIG_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "goalcoach").map(|d| d.config_dir().join("config.toml"))
}

/// Loads the config at `path`: the settings, and a message for each problem found (the
/// setting in question keeps its default).
pub fn load(path: Option<&Path>) -> Result<(Config, Vec<String>)> {
    let Some(path) = path else {
        return Ok((Config::default(), Vec::new()));
    };
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(parse(&text, &path.display().to_string())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((Config::default(), Vec::new())),
        Err(e) => Ok((
            Config::default(),
            vec![format!(
                "{}: cannot read it ({e}); using the defaults",
                path.display()
            )],
        )),
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Reads config text; `origin` names it in messages.
pub fn parse(text: &str, origin: &str) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let file: File = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let line = e.span().map_or(1, |s| line_of(text, s.start));
            let why = e.message().trim().to_string();
            return (
                config,
                vec![format!("{origin}, line {line}: {why}; using the defaults")],
            );
        }
    };
    let mut problems = Vec::new();
    config.theme = file.theme;
    config.mouse = file.mouse.unwrap_or(true);
    let mut day = |name: &str, value: Option<String>, default: Weekday| match value {
        None => default,
        Some(v) => v.parse::<Weekday>().unwrap_or_else(|_| {
            problems.push(format!(
                "{origin}, line {}: {name} = \"{v}\" is not a weekday; using {default}",
                key_line(text, name)
            ));
            default
        }),
    };
    config.week_start = day("week_start", file.week_start, Weekday::Mon);
    config.review_day = day("review_day", file.review_day, Weekday::Sun);
    if let Some(v) = file.step_back {
        match Cadence::parse(&v) {
            Some(c) => config.step_back = c,
            None => problems.push(format!(
                "{origin}, line {}: step_back = \"{v}\" is not \"monthly\" or \"quarterly\"; using quarterly",
                key_line(text, "step_back")
            )),
        }
    }
    if let Some(format) = file.date_format {
        if is_date_format(&format) {
            config.date_format = format;
        } else {
            let line = key_line(text, "date_format");
            problems.push(format!("{origin}, line {line}: date_format = \"{format}\" is not a date pattern (try \"%d %b %Y\"); using {DEFAULT_DATE_FORMAT}"));
        }
    }
    for (name, keys) in file.keys {
        let keys = match keys {
            Keys::One(k) => vec![k],
            Keys::Many(ks) => ks,
        };
        if let Err(why) = config.keymap.remap(&name, &keys) {
            problems.push(format!(
                "{origin}, line {}: keys.{name}: {why}; keeping its default keys",
                key_line(text, &name)
            ));
        }
    }
    (config, problems)
}

/// Whether `format` is a strftime pattern that writes a date and nothing a date cannot
/// give (an hour, a time zone, a timestamp): tried on a real date, since chrono accepts
/// `%H` as a pattern and only fails when asked to print it.
fn is_date_format(format: &str) -> bool {
    use chrono::format::{Item, StrftimeItems};
    use std::fmt::Write;
    let sample = chrono::NaiveDate::from_ymd_opt(2026, 1, 31).unwrap_or_default();
    let mut out = String::new();
    !format.trim().is_empty()
        && !StrftimeItems::new(format).any(|i| matches!(i, Item::Error))
        && write!(out, "{}", sample.format(format)).is_ok()
}

/// The line where `key` is set (by a plain text search; 1 if not found).
fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start().trim_start_matches('"');
            l.starts_with(key)
                && l[key.len()..]
                    .trim_start_matches('"')
                    .trim_start()
                    .starts_with('=')
        })
        .map_or(1, |i| i + 1)
}

/// A config file with every setting at its default, documented, for `config --print-default`.
pub fn default_text() -> String {
    let mut out = String::from(
        "# goalcoach configuration. Put it in the path `goalcoach config` prints.\n\
         # Every line is optional; these are the defaults.\n\n\
         # Colours for a \"dark\" or \"light\" terminal background. NO_COLOR turns colour off.\n\
         theme = \"dark\"\n\n\
         # The first day of the week, for the agenda's \"this week\" and \"next week\".\n\
         week_start = \"monday\"\n\n\
         # The day the weekly review belongs to (a day picked in the app's guided start wins).\n\
         review_day = \"sunday\"\n\n\
         # How often to step back and look at the bigger picture: \"monthly\" or \"quarterly\".\n\
         step_back = \"quarterly\"\n\n\
         # Click to select and switch screens, wheel to scroll (false leaves the mouse to the terminal).\n\
         mouse = true\n\n\
         # How dates are written on screen (strftime, e.g. \"%d %b %Y\"); files and exports stay ISO.\n\
         date_format = \"%Y-%m-%d\"\n\n\
         # Keys: action = \"key\" or [\"key\", \"key\"]. Keys are written as in the help (?):\n\
         # j, G, Ctrl-r, Enter, Esc, Tab, Shift-Tab, Space, Up, Down, Left, Right, PgUp, PgDn.\n\
         # Actions outside the tree and lists carry their layer: form., search., filtered., confirm., help.\n\
         [keys]\n",
    );
    for (name, keys, label) in Keymap::default().names_and_keys() {
        let list: Vec<String> = keys.split(' ').map(|k| format!("{:?}", k)).collect();
        out.push_str(&format!(
            "# {label}\n# \"{name}\" = [{}]\n",
            list.join(", ")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::Layer;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn settings_and_remapped_keys_are_read() {
        let text = "theme = \"light\"\nweek_start = \"sunday\"\nmouse = false\ndate_format = \"%d %b %Y\"\n[keys]\nnew_goal = \"N\"\nundo = [\"z\", \"Ctrl-y\"]\n";
        let (c, problems) = parse(text, "config.toml");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            (c.theme, c.week_start, c.mouse),
            (Theme::Light, Weekday::Sun, false)
        );
        assert_eq!(c.date_format, "%d %b %Y");
        let z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::NONE);
        assert_eq!(
            c.keymap.action_for(Layer::Goals, &z),
            Some(crate::app::action::Action::Undo)
        );
    }

    #[test]
    fn problems_name_the_key_and_line_and_keep_defaults() {
        let text = "theme = \"dark\"\n\n[keys]\nundo = \"j\"\nfly = \"x\"\n";
        let (c, problems) = parse(text, "config.toml");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("config.toml, line 5: keys.fly"),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("config.toml, line 4: keys.undo"),
            "{problems:?}"
        );
        let u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE);
        assert_eq!(
            c.keymap.action_for(Layer::Goals, &u),
            Some(crate::app::action::Action::Undo)
        );
        let (_, problems) = parse("week_start = \"someday\"\n", "c");
        assert!(problems[0].contains("line 1: week_start"), "{problems:?}");
        let (c, problems) = parse("\ndate_format = \"%Q\"\n", "c");
        assert!(problems[0].contains("line 2: date_format"), "{problems:?}");
        assert_eq!(c.date_format, DEFAULT_DATE_FORMAT);
        for needs_a_time in ["%H:%M", "%z", "%Z", "%s", "%p", "%c", "%+", "%.3f", "%T"] {
            let text = format!("date_format = \"{needs_a_time}\"\n");
            let (c, problems) = parse(&text, "c");
            assert_eq!(c.date_format, DEFAULT_DATE_FORMAT, "{needs_a_time}");
            assert!(problems[0].contains("not a date pattern"), "{problems:?}");
        }
        let (c, problems) = parse("theme = \"dark\"\ncolour = 3\n", "c");
        assert!(
            problems[0].starts_with("c, line 2: unknown field `colour`"),
            "{problems:?}"
        );
        assert_eq!(c.theme, Theme::Dark);
    }

    #[test]
    fn the_default_file_reads_back_without_problems() {
        let (c, problems) = parse(&default_text(), "default");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.week_start, Weekday::Mon);
        let uncommented: String = default_text()
            .lines()
            .map(|l| {
                l.strip_prefix("# \"")
                    .map(|rest| format!("\"{rest}"))
                    .unwrap_or_else(|| l.to_string())
            })
            .collect::<Vec<_>>()
            .join("\n");
        let (_, problems) = parse(&uncommented, "uncommented");
        assert!(
            problems.is_empty(),
            "every listed default is valid: {problems:?}"
        );
    }
}
