//! A form: labelled fields, one focused, each with its own error shown under it. Generic;
//! which fields a goal, milestone, step or check-in has lives in `forms`.

use super::input::TextInput;
use crate::model::dates::{DateError, parse_optional_date};
use crate::model::text::{clean_line, clean_text};
use chrono::NaiveDate;

/// What a field holds, which decides how it is edited and checked.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldKind {
    /// Required single line.
    Title,
    /// Free text, may be empty.
    Text,
    /// A date or a shortcut (`+2w`, `fri`); may be empty.
    Date,
    /// A number in a range; `optional` allows empty.
    Number { min: f64, max: f64, optional: bool },
    /// One of a fixed list, picked with ←/→.
    Choice(&'static [&'static str]),
}

/// One labelled field.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: &'static str,
    pub label: String,
    pub kind: FieldKind,
    pub input: TextInput,
    /// The picked index of a choice field.
    pub choice: usize,
    pub error: Option<String>,
}

impl Field {
    /// A field of `kind` holding `value`.
    pub fn new(
        name: &'static str,
        label: impl Into<String>,
        kind: FieldKind,
        value: &str,
    ) -> Field {
        let choice = match &kind {
            FieldKind::Choice(options) => options.iter().position(|o| *o == value).unwrap_or(0),
            _ => 0,
        };
        Field {
            name,
            label: label.into(),
            kind,
            input: TextInput::new(value),
            choice,
            error: None,
        }
    }

    /// The text shown for the field: the input, or the picked choice.
    pub fn shown_value(&self) -> &str {
        match &self.kind {
            FieldKind::Choice(options) => options.get(self.choice).copied().unwrap_or(""),
            _ => self.input.value(),
        }
    }

    /// Whether typing edits this field (choices are picked, not typed).
    pub fn is_typed(&self) -> bool {
        !matches!(self.kind, FieldKind::Choice(_))
    }
}

/// An open form: its fields and which one has focus.
#[derive(Clone, Debug, PartialEq)]
pub struct Form<P> {
    pub purpose: P,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A line about the form as a whole (e.g. a SMART hint), shown above the fields.
    pub note: Option<String>,
}

impl<P> Form<P> {
    /// A form with the first field focused.
    pub fn new(purpose: P, title: String, fields: Vec<Field>) -> Self {
        Form {
            purpose,
            title,
            fields,
            focus: 0,
            note: None,
        }
    }

    /// The focused field.
    pub fn focused(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    /// Moves focus to the next field, wrapping.
    pub fn next_field(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + 1) % self.fields.len();
        }
    }

    /// Moves focus to the previous field, wrapping.
    pub fn prev_field(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        }
    }

    /// Picks the next (`step` = 1) or previous (`step` = -1) choice of a choice field.
    pub fn cycle_choice(&mut self, step: isize) {
        if let Some(field) = self.focused()
            && let FieldKind::Choice(options) = field.kind
        {
            let n = options.len() as isize;
            field.choice = ((field.choice as isize + step).rem_euclid(n)) as usize;
        }
    }

    fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The raw text of field `name` (the picked option for a choice field).
    pub fn raw(&self, name: &str) -> &str {
        self.field(name).map_or("", Field::shown_value)
    }

    /// Clears every error, before checking again.
    pub fn clear_errors(&mut self) {
        self.fields.iter_mut().for_each(|f| f.error = None);
    }

    /// Records an error on field `name` and focuses the first field in error.
    pub fn set_error(&mut self, name: &str, message: String) {
        if let Some(i) = self.fields.iter().position(|f| f.name == name) {
            self.fields[i].error = Some(message);
            if self.fields[..i].iter().all(|f| f.error.is_none()) {
                self.focus = i;
            }
        }
    }

    /// Whether any field has an error.
    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }
}

/// Reads checked values out of a form, collecting errors on the fields as it goes.
pub struct Reader<'a, P> {
    form: &'a mut Form<P>,
    today: NaiveDate,
}

impl<'a, P> Reader<'a, P> {
    /// Starts reading `form`; clears old errors.
    pub fn new(form: &'a mut Form<P>, today: NaiveDate) -> Self {
        form.clear_errors();
        Reader { form, today }
    }

    /// A required title: cleaned, not blank.
    pub fn title(&mut self, name: &str) -> String {
        let value = clean_line(self.form.raw(name)).trim().to_string();
        if value.is_empty() {
            self.form.set_error(name, "A title is needed.".to_string());
        }
        value
    }

    /// A single-line text, cleaned and trimmed.
    pub fn line(&mut self, name: &str) -> String {
        clean_line(self.form.raw(name)).trim().to_string()
    }

    /// A long text, cleaned (newlines kept).
    pub fn text(&mut self, name: &str) -> String {
        clean_text(self.form.raw(name)).trim().to_string()
    }

    /// An optional date.
    pub fn date(&mut self, name: &str) -> Option<NaiveDate> {
        match parse_optional_date(self.form.raw(name), self.today) {
            Ok(date) => date,
            Err(DateError(_)) => {
                let message = DateError(self.form.raw(name).trim().to_string()).to_string();
                self.form.set_error(name, capitalise(&message));
                None
            }
        }
    }

    /// A number in the field's range; `None` when empty (and allowed) or in error.
    pub fn number(&mut self, name: &str) -> Option<f64> {
        let (min, max, optional) = match self.form.field(name).map(|f| &f.kind) {
            Some(FieldKind::Number { min, max, optional }) => (*min, *max, *optional),
            _ => (f64::MIN, f64::MAX, true),
        };
        let raw = self.form.raw(name).trim().replace(',', "");
        if raw.is_empty() {
            if !optional {
                self.form
                    .set_error(name, format!("A number from {min} to {max} is needed."));
            }
            return None;
        }
        match raw.parse::<f64>() {
            Ok(v) if v.is_finite() && (min..=max).contains(&v) => Some(v),
            _ => {
                self.form.set_error(
                    name,
                    format!("'{raw}' is not a number from {min} to {max}."),
                );
                None
            }
        }
    }

    /// A whole number in range, as `u8` (importance, urgency, confidence).
    pub fn small(&mut self, name: &str) -> Option<u8> {
        self.number(name).map(|v| v.round() as u8)
    }

    /// The index of the picked choice.
    pub fn choice(&mut self, name: &str) -> usize {
        self.form.field(name).map_or(0, |f| f.choice)
    }

    /// A comma-separated list, each item cleaned, blanks dropped.
    pub fn list(&mut self, name: &str) -> Vec<String> {
        self.form
            .raw(name)
            .split(',')
            .map(|s| clean_line(s).trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// Records an error found by a rule that spans fields.
    pub fn fail(&mut self, name: &str, message: &str) {
        self.form.set_error(name, message.to_string());
    }

    /// Whether every field read so far was fine.
    pub fn ok(&self) -> bool {
        !self.form.has_errors()
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 18).unwrap()
    }

    fn form(fields: Vec<Field>) -> Form<()> {
        Form::new((), "t".into(), fields)
    }

    #[test]
    fn blank_title_and_bad_date_get_errors_and_focus_moves_to_the_first() {
        let mut f = form(vec![
            Field::new("title", "Title", FieldKind::Title, "  "),
            Field::new("due", "Due", FieldKind::Date, "someday"),
        ]);
        f.focus = 1;
        let mut r = Reader::new(&mut f, today());
        r.title("title");
        r.date("due");
        assert!(!r.ok());
        assert_eq!(f.focus, 0);
        assert_eq!(f.fields[0].error.as_deref(), Some("A title is needed."));
        assert!(
            f.fields[1]
                .error
                .as_deref()
                .unwrap()
                .starts_with("'someday' is not a date")
        );
    }

    #[test]
    fn numbers_are_checked_against_their_range() {
        let kind = FieldKind::Number {
            min: 1.0,
            max: 3.0,
            optional: false,
        };
        let mut f = form(vec![Field::new("imp", "Importance", kind, "7")]);
        let mut r = Reader::new(&mut f, today());
        assert_eq!(r.small("imp"), None);
        assert!(
            f.fields[0]
                .error
                .as_deref()
                .unwrap()
                .contains("from 1 to 3")
        );
        f.fields[0].input.set("2");
        let mut r = Reader::new(&mut f, today());
        assert_eq!(r.small("imp"), Some(2));
        assert!(r.ok());
    }

    #[test]
    fn choices_cycle_both_ways() {
        let mut f = form(vec![Field::new(
            "r",
            "Repeats",
            FieldKind::Choice(&["no", "weekly", "monthly"]),
            "monthly",
        )]);
        assert_eq!(f.raw("r"), "monthly");
        f.cycle_choice(1);
        assert_eq!(f.raw("r"), "no");
        f.cycle_choice(-1);
        assert_eq!(f.raw("r"), "monthly");
    }

    #[test]
    fn lists_split_on_commas() {
        let mut f = form(vec![Field::new(
            "tags",
            "Tags",
            FieldKind::Text,
            "lead, , speaking ",
        )]);
        let mut r = Reader::new(&mut f, today());
        assert_eq!(r.list("tags"), ["lead", "speaking"]);
    }
}
