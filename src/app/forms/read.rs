//! Reading a filled form back: each field checked by its kind (a title is not blank, a date
//! parses, a number is in range), errors recorded under the fields, lists split one way.

use super::{Field, FieldKind, Form};
use crate::model::dates::parse_optional_date;
use crate::model::text::clean_line;
use crate::model::text::clean_text;
use chrono::NaiveDate;

/// Reads checked values out of a form, collecting errors on the fields as it goes. Fields
/// are named (the first with that name) or, for repeating rows, given by index.
pub struct Reader<'a> {
    form: &'a mut Form,
    today: NaiveDate,
}

impl<'a> Reader<'a> {
    /// Starts reading `form`; clears old errors.
    pub fn new(form: &'a mut Form, today: NaiveDate) -> Self {
        form.clear_errors();
        Reader { form, today }
    }

    /// The index of the first field called `name`.
    pub fn index(&self, name: &str) -> usize {
        self.at(name)
    }

    /// Whether field `name` holds nothing but spaces.
    pub fn is_blank(&self, name: &str) -> bool {
        self.raw_at(self.at(name)).trim().is_empty()
    }

    /// How many fields the form has.
    pub fn field_count(&self) -> usize {
        self.form.fields.len()
    }

    /// The name of field `i` ("" past the end).
    pub fn name_at(&self, i: usize) -> &'static str {
        self.form.fields.get(i).map_or("", |f| f.name)
    }

    /// The day the form is read on (what "+2d" counts from).
    pub fn today(&self) -> NaiveDate {
        self.today
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

    /// Whether field `i` was left blank.
    pub fn is_blank_at(&self, i: usize) -> bool {
        self.raw_at(i).trim().is_empty()
    }

    /// An optional date at field `i`.
    pub fn date_at(&mut self, i: usize) -> Option<NaiveDate> {
        match parse_optional_date(self.raw_at(i), self.today) {
            Ok(date) => date,
            Err(e) => {
                self.form
                    .set_error_at(i, crate::model::text::capitalise(&e.to_string()));
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

    /// A list typed on one line, split the one way every list is (see `split_list`).
    pub fn list(&mut self, name: &str) -> Vec<String> {
        split_list(self.raw_at(self.at(name)))
    }

    /// A list at field `i`.
    pub fn list_at(&mut self, i: usize) -> Vec<String> {
        split_list(self.raw_at(i))
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

/// Splits a list typed on one line: items are separated by commas or semicolons (either
/// works, in every list), each cleaned, blanks dropped.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', ';'])
        .map(|s| clean_line(s).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// How a list is shown in a field, so it reads back the same.
pub fn join_list(items: &[String]) -> String {
    items.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 18).unwrap()
    }

    fn form(fields: Vec<Field>) -> Form {
        Form::new(super::super::FormKind::WriteCopy, "t".into(), fields)
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
    fn lists_split_on_commas_and_semicolons_alike() {
        let mut f = form(vec![Field::new(
            "tags",
            "Tags",
            FieldKind::Text,
            "lead, , speaking; public ",
        )]);
        let mut r = Reader::new(&mut f, today());
        assert_eq!(r.list("tags"), ["lead", "speaking", "public"]);
    }

    fn row(text: &str) -> Vec<Field> {
        vec![
            Field::new("a", "A", FieldKind::Text, text),
            Field::new("b", "B", FieldKind::Text, ""),
        ]
    }

    fn values(f: &Form) -> Vec<String> {
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
