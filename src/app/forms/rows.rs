//! Sections of repeating rows inside a form (barriers, resources, check-ins, the entries of a
//! profile section): adding, deleting and reordering rows, and listing them for reading.

use super::{Field, FieldKind, Form};

impl Form {
    /// Adds a section of repeating rows at the end: a heading, one row per item of `rows`,
    /// and `template` for rows added later. Rows keep the page the heading is put on.
    pub fn push_section(
        &mut self,
        name: &'static str,
        heading: &str,
        template: Vec<Field>,
        rows: Vec<Vec<Field>>,
    ) {
        self.push_section_on(0, name, heading, template, rows);
    }

    /// `push_section` on page `page` of a paged form.
    pub fn push_section_on(
        &mut self,
        page: usize,
        name: &'static str,
        heading: &str,
        template: Vec<Field>,
        rows: Vec<Vec<Field>>,
    ) {
        let mut head = Field::section(name, heading);
        head.page = page;
        self.fields.push(head);
        for row in rows {
            self.push_row_fields(name, self.fields.len(), row);
        }
        self.templates.push((name, template));
    }

    fn push_row_fields(&mut self, section: &'static str, at: usize, fields: Vec<Field>) {
        let id = self.next_row;
        self.next_row += 1;
        let page = self.section_page(section);
        for (i, mut f) in fields.into_iter().enumerate() {
            f.row = Some((section, id));
            f.page = page;
            self.fields.insert(at + i, f);
        }
    }

    fn section_page(&self, section: &str) -> usize {
        self.fields
            .iter()
            .find(|f| f.kind == FieldKind::Section && f.name == section)
            .map_or(0, |f| f.page)
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
        let at = match self.row_at(self.focus) {
            Some(range) => range.end,
            None => self.section_end(section),
        };
        self.push_row_fields(section, at, template);
        self.focus_on(at);
        self.edited = true;
        true
    }

    /// Adds an empty row at the end of `section` and focuses it (a new entry of a profile
    /// section, say). Returns false when the form has no such section.
    pub fn add_row_to(&mut self, section: &str) -> bool {
        match self
            .fields
            .iter()
            .position(|f| f.kind == FieldKind::Section && f.name == section)
        {
            Some(heading) => {
                self.focus = heading;
                self.add_row()
            }
            None => false,
        }
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
        let Some(range) = self.row_at(self.focus) else {
            return false;
        };
        let start = range.start;
        self.fields.drain(range);
        self.focus_on(start.min(self.fields.len().saturating_sub(1)));
        self.edited = true;
        true
    }

    /// Swaps the focused row with the one above (`-1`) or below (`1`) in its section.
    pub fn move_row(&mut self, delta: isize) -> bool {
        let Some(range) = self.row_at(self.focus) else {
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
        self.edited = true;
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
}
