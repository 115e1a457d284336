//! The one form mechanism. Every form (goal, milestone, step, check-in, date, a copy's path,
//! each profile section, the reflection, the rows inside them) is a `Form`: labelled fields,
//! one focused, each with its own error, optionally in pages (the goal editor's sections) and
//! with sections of repeating rows. A form is built from its item (`items`, `goal`,
//! `profile`, `review`), edited here as pure state, read back field by field (`read`), and
//! submitted into a `Change` for the one commit path (`submit`). Nothing here touches the
//! plan or the screen.

pub mod coach;
mod field;
pub mod goal;
pub mod input;
pub mod journey;
pub mod live;
pub mod measures;
pub mod profile;
pub mod prompts;
pub mod read;
pub mod repeats;
pub mod review;
pub mod stepback;
pub mod submit;
pub mod threat;

pub use read::Reader;
pub use submit::{FormKind, Submitted, submit};

pub use field::{Field, FieldKind};

/// An edit of the focused field, named for what it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldEdit {
    Insert(String),
    /// A line break in a long text (elsewhere nothing).
    NewLine,
    DeleteBack,
    DeleteForward,
    DeleteWordBack,
    Clear,
    Left,
    Right,
    WordLeft,
    WordRight,
    Home,
    End,
}

/// An open form: its fields and which one has focus.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A line about the form as a whole (e.g. a SMART hint), shown above the fields.
    pub note: Option<String>,
    /// The names of the pages of a paged form (empty: one page).
    pub pages: Vec<&'static str>,
    /// Whether anything was typed, picked, added or removed since the form opened.
    pub edited: bool,
    /// The warning the person has seen once (a date after the deadline): a second Enter
    /// saves it anyway.
    pub warned: Option<String>,
    /// For each section of repeating rows, the fields a new row starts with.
    templates: Vec<(&'static str, Vec<Field>)>,
    next_row: usize,
}

mod rows;

impl Form {
    /// A form with the first field focused.
    pub fn new(kind: FormKind, title: String, fields: Vec<Field>) -> Self {
        let mut form = Form {
            kind,
            title,
            fields,
            focus: 0,
            note: None,
            pages: Vec::new(),
            edited: false,
            warned: None,
            templates: Vec::new(),
            next_row: 0,
        };
        form.arrive();
        form
    }

    /// The focused field.
    pub fn focused(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    /// The page the focused field is on.
    pub fn page(&self) -> usize {
        self.fields.get(self.focus).map_or(0, |f| f.page)
    }

    /// Focus landed on a field: a filled date or number is marked fresh (typing replaces
    /// it, as a date picker would); text keeps what it holds, to be added to.
    fn arrive(&mut self) {
        for f in &mut self.fields {
            f.fresh = false;
        }
        if let Some(f) = self.fields.get_mut(self.focus) {
            let replaceable = matches!(f.kind, FieldKind::Date | FieldKind::Number { .. });
            f.fresh = replaceable && !f.input.value().is_empty();
            f.input.end();
        }
    }

    /// Whether field `index` is a stop for Tab: every field but the heading of a section
    /// that has rows (its rows are the stops; an empty section's heading is where its first
    /// row is started).
    fn is_stop(&self, index: usize) -> bool {
        let f = &self.fields[index];
        if f.kind != FieldKind::Section {
            return true;
        }
        !self
            .fields
            .iter()
            .any(|other| other.row.is_some_and(|(s, _)| s == f.name))
    }

    /// Focuses field `index`.
    pub fn focus_on(&mut self, index: usize) {
        if index < self.fields.len() {
            self.focus = index;
            self.arrive();
        }
    }

    /// Moves focus to the next field on the same page, wrapping.
    pub fn next_field(&mut self) {
        self.step_field(1);
    }

    /// Moves focus to the previous field on the same page, wrapping.
    pub fn prev_field(&mut self) {
        self.step_field(-1);
    }

    fn step_field(&mut self, delta: isize) {
        let page = self.page();
        let on_page: Vec<usize> = (0..self.fields.len())
            .filter(|&i| self.fields[i].page == page && (i == self.focus || self.is_stop(i)))
            .collect();
        let Some(at) = on_page.iter().position(|&i| i == self.focus) else {
            return;
        };
        let n = on_page.len() as isize;
        self.focus_on(on_page[(at as isize + delta).rem_euclid(n) as usize]);
    }

    /// Shows page `page` of a paged form, focused on its first stop (a heading only when its
    /// section is empty).
    pub fn show_page(&mut self, page: usize) {
        let on_page = |i: &usize| self.fields[*i].page == page;
        let first = (0..self.fields.len())
            .filter(on_page)
            .find(|&i| self.is_stop(i))
            .or_else(|| (0..self.fields.len()).find(on_page));
        if let Some(first) = first {
            self.focus_on(first);
        }
    }

    /// Shows the next (`1`) or previous (`-1`) page, wrapping; false on a one-page form.
    pub fn step_page(&mut self, delta: isize) -> bool {
        if self.pages.len() < 2 {
            return false;
        }
        let n = self.pages.len() as isize;
        self.show_page((self.page() as isize + delta).rem_euclid(n) as usize);
        true
    }

    /// Applies an edit to the focused field. Arrows on a choice field pick instead; the
    /// first character typed into a fresh field replaces its text.
    pub fn edit(&mut self, edit: FieldEdit) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        if field.kind == FieldKind::Section {
            // Typing on a section's heading starts a row there: nothing typed is lost.
            if let FieldEdit::Insert(text) = edit
                && self.add_row()
            {
                let row = self.fields[self.focus].row;
                let typed = (self.focus..self.fields.len())
                    .take_while(|&i| self.fields[i].row == row)
                    .find(|&i| self.fields[i].is_typed());
                if let Some(first) = typed {
                    self.focus_on(first);
                    self.edit(FieldEdit::Insert(text));
                }
            }
            return;
        }
        if !field.is_typed() {
            match edit {
                FieldEdit::Left => self.cycle_choice(-1),
                FieldEdit::Right => self.cycle_choice(1),
                FieldEdit::Insert(text) if text == " " => {
                    field.toggle_pick();
                    self.edited = true;
                }
                _ => {}
            }
            return;
        }
        let fresh = std::mem::take(&mut field.fresh);
        let input = &mut field.input;
        match edit {
            FieldEdit::Insert(text) => {
                if fresh {
                    input.clear();
                }
                input.insert(&text);
            }
            FieldEdit::NewLine if field.kind == FieldKind::LongText => input.insert("\n"),
            FieldEdit::NewLine => return,
            FieldEdit::DeleteBack => input.delete_back(),
            FieldEdit::DeleteForward => input.delete_forward(),
            FieldEdit::DeleteWordBack => input.delete_word_back(),
            FieldEdit::Clear => input.clear(),
            FieldEdit::Left => input.left(),
            FieldEdit::Right => input.right(),
            FieldEdit::WordLeft => input.word_left(),
            FieldEdit::WordRight => input.word_right(),
            FieldEdit::Home => input.home(),
            FieldEdit::End => input.end(),
        }
        field.error = None;
        self.edited = true;
    }

    /// Replaces the focused field's text (from the external editor).
    pub fn set_focused_text(&mut self, text: &str) {
        if let Some(field) = self.focused() {
            field.input.set(text);
            field.fresh = false;
            self.edited = true;
        }
    }

    /// Picks the next (`step` = 1) or previous (`step` = -1) choice of a choice field; on a
    /// picks field, moves the cursor between the options.
    pub fn cycle_choice(&mut self, step: isize) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        let n = match &field.kind {
            FieldKind::Choice(options) => {
                self.edited = true;
                options.len()
            }
            FieldKind::Picks(options) => options.len(),
            _ => return,
        } as isize;
        if n > 0 {
            field.choice = ((field.choice as isize + step).rem_euclid(n)) as usize;
        }
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

    /// Records an error on the field at `index`; focus (and the page) goes to the first
    /// field in error.
    pub fn set_error_at(&mut self, index: usize, message: String) {
        if index >= self.fields.len() {
            return;
        }
        self.fields[index].error = Some(message);
        if self.fields[..index].iter().all(|f| f.error.is_none()) {
            self.focus = index;
            self.arrive();
        }
    }

    /// Whether any field has an error.
    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }
}
