//! One labelled field of a form: what it holds (its kind), its text or picked choice, its
//! error, and where it sits (its page, its row of a section).

use super::input::TextInput;
use super::read;

/// What a field holds, which decides how it is edited and checked.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldKind {
    /// Required single line.
    Title,
    /// Free text, may be empty.
    Text,
    /// Free text on several lines (line breaks kept; `Ctrl-e` edits it in `$EDITOR`).
    LongText,
    /// A date or a shortcut (`+2w`, `fri`); may be empty.
    Date,
    /// A number in a range; `optional` allows empty.
    Number { min: f64, max: f64, optional: bool },
    /// One of a fixed list, picked with ←/→.
    Choice(&'static [&'static str]),
    /// Any number of a list (the profile's values, say): ←/→ move between them, Space picks
    /// or unpicks. The field's text holds the picked ones as a list ("a, b").
    Picks(Vec<String>),
    /// The heading of a section of repeating rows; holds no value.
    Section,
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
    /// For a field of a repeating row: its section and the row's id.
    pub row: Option<(&'static str, usize)>,
    /// The page of a paged form the field is on.
    pub page: usize,
    /// Focus just arrived on a filled date or number: the first character typed replaces
    /// it (text fields keep theirs, the cursor at the end).
    pub fresh: bool,
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
        let mut input = TextInput::default();
        input.set_multiline(kind == FieldKind::LongText);
        input.insert(value);
        Field {
            name,
            label: label.into(),
            kind,
            input,
            choice,
            error: None,
            row: None,
            page: 0,
            fresh: false,
        }
    }

    /// The heading of section `name`.
    pub fn section(name: &'static str, label: &str) -> Field {
        Field::new(name, label, FieldKind::Section, "")
    }

    /// The text shown for the field: the input, or the picked choice.
    pub fn shown_value(&self) -> &str {
        match &self.kind {
            FieldKind::Choice(options) => options.get(self.choice).copied().unwrap_or(""),
            _ => self.input.value(),
        }
    }

    /// Whether typing edits this field (choices are picked, headings hold nothing).
    pub fn is_typed(&self) -> bool {
        !matches!(
            self.kind,
            FieldKind::Choice(_) | FieldKind::Picks(_) | FieldKind::Section
        )
    }

    /// For a picks field: each option and whether it is picked.
    pub fn picks(&self) -> Vec<(&str, bool)> {
        let FieldKind::Picks(options) = &self.kind else {
            return Vec::new();
        };
        let picked = read::split_list(self.input.value());
        options
            .iter()
            .map(|o| (o.as_str(), picked.iter().any(|p| p.eq_ignore_ascii_case(o))))
            .collect()
    }

    /// Picks the option under the cursor of a picks field, or unpicks it.
    pub(super) fn toggle_pick(&mut self) {
        let FieldKind::Picks(options) = &self.kind else {
            return;
        };
        let Some(option) = options.get(self.choice) else {
            return;
        };
        let mut picked = read::split_list(self.input.value());
        match picked.iter().position(|p| p.eq_ignore_ascii_case(option)) {
            Some(i) => {
                picked.remove(i);
            }
            None => picked.push(option.clone()),
        }
        self.input.set(&read::join_list(&picked));
    }
}
