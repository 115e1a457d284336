//! A form: labelled fields, one focused, each with its own error shown under it, plus
//! sections of repeating rows (barriers, resources, check-ins) that can be added, deleted and
//! reordered. Generic; which fields a goal, milestone, step or check-in has lives in `forms`.

use super::input::TextInput;
use crate::model::dates::parse_optional_date;
use crate::model::text::{clean_line, clean_text};
use chrono::NaiveDate;

/// What a field holds, which decides how it is edited and checked.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldKind {
    /// Required single line.
    Title,
    /// Free text, may be empty.
    Text,
    /// Free text that may span lines (newlines kept; `Ctrl-e` edits it in `$EDITOR`).
    LongText,
    /// A date or a shortcut (`+2w`, `fri`); may be empty.
    Date,
    /// A number in a range; `optional` allows empty.
    Number { min: f64, max: f64, optional: bool },
    /// One of a fixed list, picked with ←/→.
    Choice(&'static [&'static str]),
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
        !matches!(self.kind, FieldKind::Choice(_) | FieldKind::Section)
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
    /// For each section of repeating rows, the fields a new row starts with.
    templates: Vec<(&'static str, Vec<Field>)>,
    next_row: usize,
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
            templates: Vec::new(),
            next_row: 0,
        }
    }

    /// Adds a section of repeating rows at the end: a heading, one row per item of `rows`,
    /// and `template` for rows added later.
    pub fn push_section(
        &mut self,
        name: &'static str,
        heading: &str,
        template: Vec<Field>,
        rows: Vec<Vec<Field>>,
    ) {
        self.fields.push(Field::section(name, heading));
        for row in rows {
            self.push_row_fields(name, self.fields.len(), row);
        }
        self.templates.push((name, template));
    }

    fn push_row_fields(&mut self, section: &'static str, at: usize, fields: Vec<Field>) {
        let id = self.next_row;
        self.next_row += 1;
        for (i, mut f) in fields.into_iter().enumerate() {
            f.row = Some((section, id));
            self.fields.insert(at + i, f);
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

    /// The section the focused field belongs to (its heading or one of its rows).
    fn focused_section(&self) -> Option<&'static str> {
        let f = self.fields.get(self.focus)?;
        match (f.row, &f.kind) {
            (Some((section, _)), _) => Some(section),
            (None, FieldKind::Section) => Some(f.name),
            _ => None,
        }
    }

    /// The field indexes of the focused row.
    fn focused_row(&self) -> Option<std::ops::Range<usize>> {
        self.row_at(self.focus)
    }

    /// Adds an empty row to the focused section, after the focused row (or at the section's
    /// end from its heading), and focuses it. Returns false outside a section.
    pub fn add_row(&mut self) -> bool {
        let Some(section) = self.focused_section() else {
            return false;
        };
        let Some(template) = self
            .templates
            .iter()
            .find(|(n, _)| *n == section)
            .map(|(_, t)| t.clone())
        else {
            return false;
        };
        let at = match self.focused_row() {
            Some(range) => range.end,
            None => self.section_end(section),
        };
        self.push_row_fields(section, at, template);
        self.focus = at;
        true
    }

    fn section_end(&self, section: &str) -> usize {
        let heading = self
            .fields
            .iter()
            .position(|f| f.kind == FieldKind::Section && f.name == section);
        let mut end = heading.map_or(self.fields.len(), |h| h + 1);
        while end < self.fields.len() && self.fields[end].row.is_some_and(|(s, _)| s == section) {
            end += 1;
        }
        end
    }

    /// Deletes the focused row. Returns false when the focus is not on a row.
    pub fn delete_row(&mut self) -> bool {
        let Some(range) = self.focused_row() else {
            return false;
        };
        let start = range.start;
        self.fields.drain(range);
        self.focus = start.min(self.fields.len().saturating_sub(1));
        true
    }

    /// Swaps the focused row with the one above (`-1`) or below (`1`) in its section.
    pub fn move_row(&mut self, delta: isize) -> bool {
        let Some(range) = self.focused_row() else {
            return false;
        };
        let offset = self.focus - range.start;
        let section = self.fields[range.start].row.map(|(s, _)| s);
        let neighbour = if delta < 0 {
            range.start.checked_sub(1).and_then(|i| self.row_at(i))
        } else {
            self.row_at(range.end)
        };
        let Some(other) = neighbour.filter(|r| self.fields[r.start].row.map(|(s, _)| s) == section)
        else {
            return false;
        };
        let (first, second) = if delta < 0 {
            (other, range)
        } else {
            (range, other)
        };
        let moved: Vec<Field> = self.fields.drain(second.clone()).collect();
        let moved_len = moved.len();
        for (i, f) in moved.into_iter().enumerate() {
            self.fields.insert(first.start + i, f);
        }
        self.focus = if delta < 0 {
            first.start + offset
        } else {
            first.start + moved_len + offset
        };
        true
    }

    /// The field indexes of the row that holds field `index`.
    fn row_at(&self, index: usize) -> Option<std::ops::Range<usize>> {
        let row = self.fields.get(index)?.row?;
        let start = (0..=index)
            .rev()
            .take_while(|&i| self.fields[i].row == Some(row))
            .last()?;
        let end = (index..self.fields.len())
            .take_while(|&i| self.fields[i].row == Some(row))
            .last()?
            + 1;
        Some(start..end)
    }

    /// The rows of `section`, each as its field indexes, in order.
    pub fn rows(&self, section: &str) -> Vec<Vec<usize>> {
        let mut rows: Vec<Vec<usize>> = Vec::new();
        let mut last = None;
        for (i, f) in self.fields.iter().enumerate() {
            if let Some((s, id)) = f.row
                && s == section
            {
                if last != Some(id) {
                    rows.push(Vec::new());
                    last = Some(id);
                }
                if let Some(row) = rows.last_mut() {
                    row.push(i);
                }
            }
        }
        rows
    }

    /// The index of the first field called `name`.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }

    /// The raw text of field `name` (the picked option for a choice field).
    pub fn raw(&self, name: &str) -> &str {
        self.index_of(name)
            .map_or("", |i| self.fields[i].shown_value())
    }

    /// Clears every error, before checking again.
    pub fn clear_errors(&mut self) {
        self.fields.iter_mut().for_each(|f| f.error = None);
    }

    /// Records an error on the field at `index`; focus goes to the first field in error.
    pub fn set_error_at(&mut self, index: usize, message: String) {
        if index >= self.fields.len() {
            return;
        }
        self.fields[index].error = Some(message);
        if self.fields[..index].iter().all(|f| f.error.is_none()) {
            self.focus = index;
        }
    }

    /// Whether any field has an error.
    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }
}

/// Reads checked values out of a form, collecting errors on the fields as it goes. Fields
/// are named (the first with that name) or, for repeating rows, given by index.
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

    fn at(&self, name: &str) -> usize {
        self.form.index_of(name).unwrap_or(usize::MAX)
    }

    fn raw_at(&self, i: usize) -> &str {
        self.form.fields.get(i).map_or("", Field::shown_value)
    }

    /// A required title: cleaned, not blank.
    pub fn title(&mut self, name: &str) -> String {
        let i = self.at(name);
        let value = clean_line(self.raw_at(i)).trim().to_string();
        if value.is_empty() {
            self.form.set_error_at(i, "A title is needed.".to_string());
        }
        value
    }

    /// A single-line text, cleaned and trimmed.
    pub fn line(&mut self, name: &str) -> String {
        self.line_at(self.at(name))
    }

    /// A single-line text at field `i`.
    pub fn line_at(&mut self, i: usize) -> String {
        clean_line(self.raw_at(i)).trim().to_string()
    }

    /// A long text, cleaned (newlines kept).
    pub fn text(&mut self, name: &str) -> String {
        clean_text(self.raw_at(self.at(name))).trim().to_string()
    }

    /// An optional date.
    pub fn date(&mut self, name: &str) -> Option<NaiveDate> {
        self.date_at(self.at(name))
    }

    /// An optional date at field `i`.
    pub fn date_at(&mut self, i: usize) -> Option<NaiveDate> {
        match parse_optional_date(self.raw_at(i), self.today) {
            Ok(date) => date,
            Err(e) => {
                self.form.set_error_at(i, capitalise(&e.to_string()));
                None
            }
        }
    }

    /// A number in the field's range; `None` when empty (and allowed) or in error.
    pub fn number(&mut self, name: &str) -> Option<f64> {
        self.number_at(self.at(name))
    }

    /// A number at field `i`.
    pub fn number_at(&mut self, i: usize) -> Option<f64> {
        let (min, max, optional) = match self.form.fields.get(i).map(|f| &f.kind) {
            Some(FieldKind::Number { min, max, optional }) => (*min, *max, *optional),
            _ => (f64::MIN, f64::MAX, true),
        };
        let raw = self.raw_at(i).trim().replace(',', "");
        if raw.is_empty() {
            if !optional {
                self.form
                    .set_error_at(i, format!("A number from {min} to {max} is needed."));
            }
            return None;
        }
        match raw.parse::<f64>() {
            Ok(v) if v.is_finite() && (min..=max).contains(&v) => Some(v),
            _ => {
                self.form
                    .set_error_at(i, format!("'{raw}' is not a number from {min} to {max}."));
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
        self.choice_at(self.at(name))
    }

    /// The picked choice at field `i`.
    pub fn choice_at(&mut self, i: usize) -> usize {
        self.form.fields.get(i).map_or(0, |f| f.choice)
    }

    /// A comma-separated list, each item cleaned, blanks dropped.
    pub fn list(&mut self, name: &str) -> Vec<String> {
        self.raw_at(self.at(name))
            .split(',')
            .map(|s| clean_line(s).trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// The rows of a section, as field indexes.
    pub fn rows(&self, section: &str) -> Vec<Vec<usize>> {
        self.form.rows(section)
    }

    /// The id of the row field `i` belongs to: the index of the item it was made from, for
    /// rows filled from existing items (new rows get ids past them).
    pub fn row_id(&self, i: usize) -> Option<usize> {
        self.form.fields.get(i)?.row.map(|(_, id)| id)
    }

    /// Records an error found by a rule that spans fields.
    pub fn fail(&mut self, name: &str, message: &str) {
        self.fail_at(self.at(name), message);
    }

    /// Records an error on field `i`.
    pub fn fail_at(&mut self, i: usize, message: &str) {
        self.form.set_error_at(i, message.to_string());
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
        let kind = FieldKind::Choice(&["no", "weekly", "monthly"]);
        let mut f = form(vec![Field::new("r", "Repeats", kind, "monthly")]);
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

    fn row(text: &str) -> Vec<Field> {
        vec![
            Field::new("a", "A", FieldKind::Text, text),
            Field::new("b", "B", FieldKind::Text, ""),
        ]
    }

    fn values(f: &Form<()>) -> Vec<String> {
        f.rows("s")
            .iter()
            .map(|r| f.fields[r[0]].input.value().to_string())
            .collect()
    }

    #[test]
    fn rows_can_be_added_deleted_and_moved() {
        let mut f = form(vec![Field::new("title", "Title", FieldKind::Title, "x")]);
        f.push_section("s", "Section", row(""), vec![row("one"), row("two")]);
        assert_eq!(values(&f), ["one", "two"]);
        assert!(!f.add_row(), "the title is not in a section");
        f.focus = 1; // the heading: add at the end
        assert!(f.add_row());
        assert_eq!(values(&f), ["one", "two", ""]);
        assert_eq!(f.focus, 6);
        f.fields[6].input.set("three");
        f.focus = 5; // "two", second field
        assert!(f.move_row(-1));
        assert_eq!(values(&f), ["two", "one", "three"]);
        assert_eq!(f.focus, 3, "focus moves with the row");
        assert!(!f.move_row(-1), "already first");
        f.focus = 6;
        assert!(f.delete_row());
        assert_eq!(values(&f), ["two", "one"]);
        f.focus = 4;
        assert!(f.add_row(), "added after the focused row");
        assert_eq!(values(&f), ["two", "one", ""]);
    }
}
