//! The user's settings in `config.toml` (the platform's config directory, or `--config FILE`
//! / `GOALCOACH_CONFIG`): keys for every action, colour theme, week start, review day, mouse,
//! this computer's name in sync.
//! A missing file means defaults; a bad one is reported by key and line and the rest of it,
//! or the defaults, still apply.

use crate::keymap::Keymap;
use crate::model::stepback::Cadence;
use crate::ui::theme::{self, Palette};
use anyhow::Result;
use chrono::Weekday;
use std::path::{Path, PathBuf};
use toml::{Table, Value};

/// How dates are written on screen unless configured.
pub const DEFAULT_DATE_FORMAT: &str = "%Y-%m-%d";

/// The environment variable naming the config file.
pub const CONFIG_ENV: &str = "GOALCOACH_CONFIG";

/// Colours for a dark (default) or light terminal background.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Dark,
    Light,
}

/// The settings in force.
#[derive(Clone, Debug)]
pub struct Config {
    pub theme: Theme,
    /// The theme's styles with the `[colors]` roles over them.
    pub palette: Palette,
    pub week_start: Weekday,
    /// The day the weekly review belongs to, unless the plan names its own.
    pub review_day: Weekday,
    /// How often the step back comes round.
    pub step_back: Cadence,
    pub mouse: bool,
    /// How dates are written on screen (strftime; files and exports stay ISO).
    pub date_format: String,
    /// This computer's name in sync (whose value is whose in a conflict); the host name
    /// when not set.
    pub device: Option<String>,
    /// The calendar folder (`[calendar]`), for `goalcoach calendar sync` and the app's key.
    pub calendar: crate::calendar::config::CalendarConfig,
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: Theme::Dark,
            palette: Palette::dark(),
            week_start: Weekday::Mon,
            review_day: Weekday::Sun,
            step_back: Cadence::Quarterly,
            mouse: true,
            date_format: DEFAULT_DATE_FORMAT.to_string(),
            device: None,
            calendar: Default::default(),
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

/// The settings a config file can hold, for the message about an unknown one.
const SETTINGS: &str = "theme, week_start, review_day, step_back, mouse, date_format, device, [calendar], [colors], [keys]";

/// Reads config text; `origin` names it in messages. Each problem costs only the setting
/// it is in (reported with its line; that setting keeps its default): a line TOML cannot
/// read is left out and the rest read again, a bad value or unknown name is passed over,
/// and key remaps are checked against each other as a whole.
pub fn parse(text: &str, origin: &str) -> (Config, Vec<String>) {
    let mut problems = Vec::new();
    let table = readable_table(text, origin, &mut problems);
    let mut config = Config::default();
    let at = |name: &str| format!("{origin}, line {}", key_line(text, name));
    for (name, value) in &table {
        if let Err(why) = apply(&mut config, name, value) {
            problems.push(format!("{}: {why}", at(name)));
        }
    }
    config.palette = match config.theme {
        Theme::Dark => Palette::dark(),
        Theme::Light => Palette::light(),
    };
    if let Some(colors) = table.get("colors").or_else(|| table.get("colours")) {
        set_colours(&mut config.palette, colors, &mut |role, why| {
            problems.push(format!(
                "{}: colors.{role}: {why}; keeping the theme's",
                at(role)
            ))
        });
    }
    if let Some(Value::Table(calendar)) = table.get("calendar") {
        for (name, value) in calendar {
            if let Err(why) = crate::calendar::config::set(&mut config.calendar, name, value) {
                problems.push(format!("{}: calendar.{name}: {why}", at(name)));
            }
        }
    }
    if let Some(keys) = table.get("keys") {
        remap_keys(&mut config.keymap, keys, &mut |name, why| {
            problems.push(format!(
                "{}: keys.{name}: {why}; keeping its default keys",
                at(name)
            ))
        });
    }
    (config, problems)
}

/// The file as a TOML table, leaving out (and reporting) each line TOML cannot read.
fn readable_table(text: &str, origin: &str, problems: &mut Vec<String>) -> Table {
    let mut lines: Vec<&str> = text.lines().collect();
    for _ in 0..20 {
        match lines.join("\n").parse::<Table>() {
            Ok(table) => return table,
            Err(e) => {
                let joined = lines.join("\n");
                let line = e.span().map_or(1, |s| line_of(&joined, s.start));
                let why = e.message().trim().to_string();
                problems.push(format!(
                    "{origin}, line {line}: {why}; that line is left out"
                ));
                match lines.get_mut(line - 1) {
                    Some(l) if !l.is_empty() => *l = "",
                    _ => break,
                }
            }
        }
    }
    problems.push(format!(
        "{origin}: too many lines cannot be read; using the defaults"
    ));
    Table::new()
}

/// Sets one top-level setting; the error says what is wrong and what is used instead.
fn apply(config: &mut Config, name: &str, value: &Value) -> Result<(), String> {
    let text = || {
        value
            .as_str()
            .ok_or_else(|| format!("{name} = {value} is not text"))
    };
    match name {
        "theme" => config.theme = theme_named(text()?)?,
        "week_start" => config.week_start = weekday(name, text()?, Weekday::Mon)?,
        "review_day" => config.review_day = weekday(name, text()?, Weekday::Sun)?,
        "step_back" => {
            config.step_back = Cadence::parse(text()?).ok_or_else(|| {
                format!("step_back = {value} is not \"monthly\" or \"quarterly\"; using quarterly")
            })?
        }
        "mouse" => {
            config.mouse = value
                .as_bool()
                .ok_or_else(|| format!("mouse = {value} is not true or false; using true"))?
        }
        "date_format" => {
            let format = text()?;
            if !is_date_format(format) {
                return Err(format!(
                    "date_format = \"{format}\" is not a date pattern (try \"%d %b %Y\"); using {DEFAULT_DATE_FORMAT}"
                ));
            }
            config.date_format = format.to_string();
        }
        "device" => {
            let device = text()?.trim();
            if device.is_empty() || device.chars().any(char::is_control) {
                return Err(format!(
                    "device = {value} is not a name for this computer; using the host name"
                ));
            }
            config.device = Some(device.to_string());
        }
        "keys" | "colors" | "colours" | "calendar" if value.is_table() => {}
        "keys" | "colors" | "colours" | "calendar" => {
            return Err(format!("[{name}] is a section of its own"));
        }
        _ => {
            return Err(format!(
                "unknown field `{name}` (settings: {SETTINGS}); passed over"
            ));
        }
    }
    Ok(())
}

fn theme_named(name: &str) -> Result<Theme, String> {
    match name {
        "dark" => Ok(Theme::Dark),
        "light" => Ok(Theme::Light),
        other => Err(format!(
            "theme = \"{other}\" is not \"dark\" or \"light\"; using dark"
        )),
    }
}

fn weekday(name: &str, text: &str, default: Weekday) -> Result<Weekday, String> {
    text.parse::<Weekday>()
        .map_err(|_| format!("{name} = \"{text}\" is not a weekday; using {default}"))
}

/// The `[colors]` section: role = "style".
fn set_colours(palette: &mut Palette, colors: &Value, problem: &mut dyn FnMut(&str, String)) {
    let Some(colors) = colors.as_table() else {
        return;
    };
    for (role, value) in colors {
        let result = match value.as_str() {
            Some(style) => palette.set(role, style),
            None => Err(format!("{value} is not text such as \"blue\"")),
        };
        if let Err(why) = result {
            problem(role, why);
        }
    }
}

/// The `[keys]` section: action = "key" or ["key", …], all remapped together.
fn remap_keys(keymap: &mut Keymap, keys: &Value, problem: &mut dyn FnMut(&str, String)) {
    let Some(keys) = keys.as_table() else {
        return;
    };
    let mut wanted = Vec::new();
    for (name, value) in keys {
        let list = match value {
            Value::String(k) => vec![k.clone()],
            Value::Array(items) => items
                .iter()
                .map(|i| {
                    i.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| i.to_string())
                })
                .collect(),
            other => {
                problem(name, format!("{other} is not a key or a list of keys"));
                continue;
            }
        };
        wanted.push((name.clone(), list));
    }
    for (name, why) in keymap.remap_all(&wanted) {
        problem(&name, why);
    }
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

/// The `[colors]` part of the default file: every role, commented out.
fn colours_text() -> String {
    let mut out = String::from(
        "\n# Colours by role, over the theme's: a colour (blue, darkgray, #5f5f5f, 0-255),\n\
         # words bold / italic / underlined / reversed, and \"on COLOUR\" for a background.\n\
         [colors]\n",
    );
    let examples = [
        "\"reset\"",
        "\"darkgray\"",
        "\"cyan\"",
        "\"bold\"",
        "\"red\"",
        "\"yellow\"",
        "\"green\"",
        "\"reversed\"",
        "\"bold cyan\"",
    ];
    for (role, example) in theme::ROLES.iter().zip(examples) {
        out.push_str(&format!("# {role} = {example}\n"));
    }
    out
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
         # This computer's name when sync shows whose value is whose (default: the host name).\n\
         # device = \"work laptop\"\n\n\
         # Two-way sync with a calendar folder (a vdir vdirsyncer carries to CalDAV and your phone).\n\
         # [calendar]\n\
         # vdir = \"~/.local/share/calendars/goalcoach\"\n\
         # remind = \"09:00\"          # when the phone reminds of a due item, or \"off\"\n\
         # remind_days_before = 0\n",
    );
    out.push_str(&colours_text());
    out.push_str(
        "\n# Keys: action = \"key\" or [\"key\", \"key\"]. Keys are written as in the help (?):\n\
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
    use crate::app::action::Screen;
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
            c.keymap.action_for(Layer::Screen(Screen::Goals), &z),
            Some(crate::app::action::Action::Undo)
        );
    }

    #[test]
    fn a_device_name_is_read_and_an_empty_one_refused() {
        let (c, problems) = parse("device = \" work laptop \"\n", "c");
        assert_eq!(
            (c.device.as_deref(), problems.len()),
            (Some("work laptop"), 0)
        );
        let (c, problems) = parse("device = \"  \"\n", "c");
        assert!(
            c.device.is_none() && problems[0].contains("device"),
            "{problems:?}"
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
            c.keymap.action_for(Layer::Screen(Screen::Goals), &u),
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
    fn a_bad_value_costs_only_its_setting_and_freed_keys_can_be_reused() {
        let text = "theme = \"purple\"\nweek_start = \"sunday\"\n[keys]\nedit = \"c\"\ncheck_in = \"e\"\nundo = \"f\"\n";
        let (c, problems) = parse(text, "c");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("c, line 1: theme = \"purple\""),
            "{problems:?}"
        );
        assert!(
            problems[1]
                .starts_with("c, line 6: keys.undo: 'f' is already the key of 'toggle_focus'"),
            "{problems:?}"
        );
        assert_eq!((c.theme, c.week_start), (Theme::Dark, Weekday::Sun));
        let press = |ch| KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE);
        use crate::app::action::Action;
        assert_eq!(
            c.keymap
                .action_for(Layer::Screen(Screen::Goals), &press('e')),
            Some(Action::CheckIn)
        );
        assert_eq!(
            c.keymap
                .action_for(Layer::Screen(Screen::Goals), &press('c')),
            Some(Action::Edit)
        );
        assert_eq!(
            c.keymap
                .action_for(Layer::Screen(Screen::Goals), &press('u')),
            Some(Action::Undo)
        );
        // A line TOML cannot read is left out; the lines after it still count.
        let (c, problems) = parse("mouse = tru\nweek_start = \"sunday\"\n", "c");
        assert!(problems[0].starts_with("c, line 1: "), "{problems:?}");
        assert_eq!((c.mouse, c.week_start), (true, Weekday::Sun));
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
