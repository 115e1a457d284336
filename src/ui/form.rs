//! A form over the screen: the page tabs of a paged form, then one line per field (label,
//! then value; a long text on several lines), the error of a field wrapped on the lines below
//! it, scrolled so the focused field is always in view. Key hints come from the keymap.

use super::{layout, text, theme};
use crate::app::action::Action;
use crate::app::forms::{Field, FieldKind, Form, FormKind};
use crate::keymap::{Keymap, Layer};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

const LABEL_COLS: usize = 22;
/// The most lines a long text shows at once while it is being edited.
const LONG_TEXT_ROWS: usize = 6;
/// The most lines a one-line text shows, wrapped, while it is being edited.
const TEXT_ROWS: usize = 3;

/// The lines of a form being drawn, where the focused field starts, and the cursor in it.
struct Drawn {
    lines: Vec<Line<'static>>,
    focus_line: usize,
    /// The cursor as (line offset from `focus_line`, column in the value).
    cursor: Option<(usize, usize)>,
}

/// Draws `form` in a box over `area`, and puts the terminal cursor in the focused field.
pub fn draw(frame: &mut Frame, area: Rect, form: &Form, keymap: &Keymap) {
    let width = 78.min(area.width);
    let inner_width = width.saturating_sub(2) as usize;
    let value_cols = inner_width.saturating_sub(LABEL_COLS + 2).max(1);
    let drawn = form_lines(form, keymap, inner_width, value_cols);
    let height = (drawn.lines.len() as u16 + 2).min(area.height);
    let box_area = layout::centered(area, width, height);
    let visible = box_area.height.saturating_sub(2) as usize;
    // Scroll only as far as needed to keep the focused field (and a line after it) in view.
    let max_offset = drawn.lines.len().saturating_sub(visible);
    let offset = drawn
        .focus_line
        .saturating_sub(visible.saturating_sub(2))
        .min(max_offset);
    frame.render_widget(Clear, box_area);
    let block = Block::bordered()
        .title(format!(" {} ", form.title))
        .title_bottom(bottom_hints(form, keymap))
        .border_style(theme::accent());
    let paragraph = Paragraph::new(drawn.lines)
        .block(block)
        .scroll((offset as u16, 0));
    frame.render_widget(paragraph, box_area);
    if let Some((down, col)) = drawn.cursor {
        let row = (drawn.focus_line + down)
            .checked_sub(offset)
            .filter(|r| *r < visible);
        if let Some(row) = row {
            let x = box_area.x + 1 + (LABEL_COLS + 2 + col) as u16;
            frame.set_cursor_position((
                x.min(box_area.right().saturating_sub(2)),
                box_area.y + 1 + row as u16,
            ));
        }
    }
}

fn bottom_hints(form: &Form, keymap: &Keymap) -> String {
    let key = |a: Action| keymap.key_for(Layer::Form, &a);
    let (save, cancel) = match form.kind {
        FormKind::Journey { chained: true, .. } => ("save and go on (blank skips)", "stop for now"),
        FormKind::StepBack { .. } => ("save and go on", "stop for now"),
        _ => ("save", "cancel"),
    };
    let mut hints = format!(
        " {} {save} · {} {cancel} · {} next field",
        key(Action::Submit),
        key(Action::Cancel),
        key(Action::NextField)
    );
    if form.pages.len() > 1 {
        hints.push_str(&format!(" · {} next section", key(Action::NextPage)));
    }
    if form
        .fields
        .get(form.focus)
        .is_some_and(|f| matches!(f.kind, FieldKind::Picks(_)))
    {
        hints.push_str(&format!(
            " · {}/{} then Space picks",
            key(Action::CursorLeft),
            key(Action::CursorRight)
        ));
    }
    hints.push(' ');
    hints
}

/// The page tabs of a paged form: the page on show stands out.
fn page_tabs(form: &Form, keymap: &Keymap) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, name) in form.pages.iter().enumerate() {
        let style = if i == form.page() {
            theme::selected()
        } else {
            theme::dim()
        };
        spans.push(Span::styled(format!(" {} {name} ", i + 1), style));
    }
    let first = keymap.key_for(Layer::Form, &Action::ShowPage(0));
    spans.push(Span::styled(format!(" ({first}…)"), theme::dim()));
    Line::from(spans)
}

fn form_lines(form: &Form, keymap: &Keymap, inner_width: usize, value_cols: usize) -> Drawn {
    let mut drawn = Drawn {
        lines: Vec::new(),
        focus_line: 0,
        cursor: None,
    };
    if form.pages.len() > 1 {
        drawn.lines.push(page_tabs(form, keymap));
        drawn.lines.push(Line::default());
    }
    if let Some(note) = &form.note {
        // The goal editor's note is a SMART gap; elsewhere it is a question or a hint.
        let style = match form.kind {
            FormKind::EditGoal(_) => theme::warn(),
            _ => ratatui::style::Style::new(),
        };
        for line in text::wrap(note, inner_width) {
            drawn.lines.push(Line::styled(line, style));
        }
        drawn.lines.push(Line::default());
    }
    let page = form.page();
    for (i, field) in form.fields.iter().enumerate() {
        if field.page != page {
            continue;
        }
        let focused = i == form.focus;
        if focused {
            drawn.focus_line = drawn.lines.len();
        }
        push_field(&mut drawn, field, focused, value_cols, keymap);
    }
    drawn
}

fn push_field(drawn: &mut Drawn, field: &Field, focused: bool, cols: usize, keymap: &Keymap) {
    if field.kind == FieldKind::Section {
        drawn.lines.push(section_line(field, focused, keymap));
        return;
    }
    let values = value_lines(field, cols, focused);
    // A label too long for its column is never cut: it gets a line of its own above the value.
    let label_above = text::width(field.label.trim_start()) > LABEL_COLS;
    if label_above {
        let marker = if focused { "› " } else { "  " };
        let style = if focused { theme::key() } else { theme::dim() };
        for (n, part) in text::wrap(field.label.trim_start(), LABEL_COLS + cols)
            .iter()
            .enumerate()
        {
            let lead = if n == 0 { marker } else { "  " };
            drawn
                .lines
                .push(Line::styled(format!("{lead}{part}"), style));
        }
    }
    let label_rows = drawn.lines.len();
    for (n, value) in values.lines.into_iter().enumerate() {
        let label = if n == 0 && !label_above {
            field.label.as_str()
        } else {
            ""
        };
        drawn.lines.push(field_line(field, label, value, focused));
    }
    if focused {
        let above = if label_above {
            label_rows - drawn.focus_line
        } else {
            0
        };
        drawn.cursor = values.cursor.map(|(row, col)| (row + above, col));
    }
    if let Some(error) = &field.error {
        // Never cut: what would fix the field is often at the end (the forms a date takes).
        let indent = " ".repeat(LABEL_COLS + 2);
        for part in text::wrap(error, cols.max(1)) {
            drawn
                .lines
                .push(Line::styled(format!("{indent}{part}"), theme::error()));
        }
    }
}

/// A field's value as shown, one or more lines, and the cursor in it when focused.
struct Values {
    lines: Vec<String>,
    cursor: Option<(usize, usize)>,
}

fn value_lines(field: &Field, cols: usize, focused: bool) -> Values {
    let one = |line: String, cursor| Values {
        lines: vec![line],
        cursor,
    };
    match &field.kind {
        FieldKind::Choice(_) => one(format!("◂ {} ▸", field.shown_value()), None),
        FieldKind::Picks(_) => Values {
            lines: pick_lines(field, cols, focused),
            cursor: None,
        },
        FieldKind::LongText | FieldKind::Text | FieldKind::Title if focused => {
            let rows = if field.kind == FieldKind::LongText {
                LONG_TEXT_ROWS
            } else {
                TEXT_ROWS
            };
            let (lines, (row, col)) = field.input.wrapped(cols, rows);
            Values {
                lines,
                cursor: Some((row, col)),
            }
        }
        _ if focused => {
            let (shown, col) = field.input.window(cols);
            one(shown, Some((0, col)))
        }
        _ => one(
            text::truncate(&field.input.value().replace('\n', " ↵ "), cols),
            None,
        ),
    }
}

/// The options of a picks field, ticked when picked, the one under the cursor in brackets,
/// wrapped to the value column.
fn pick_lines(field: &Field, cols: usize, focused: bool) -> Vec<String> {
    let picks = field.picks();
    if picks.is_empty() {
        return vec!["(nothing to pick from yet)".to_string()];
    }
    let mut lines = vec![String::new()];
    for (i, (name, picked)) in picks.into_iter().enumerate() {
        let mark = if picked { "☑" } else { "☐" };
        let item = if focused && i == field.choice {
            format!("[{mark} {name}]")
        } else {
            format!(" {mark} {name} ")
        };
        let last = lines.last_mut().expect("one line at least");
        if !last.is_empty() && last.chars().count() + item.chars().count() > cols {
            lines.push(String::new());
        }
        let last = lines.last_mut().expect("one line at least");
        last.push_str(&text::truncate(&item, cols));
    }
    lines
}

fn section_line(field: &Field, focused: bool, keymap: &Keymap) -> Line<'static> {
    let style = if focused {
        theme::key()
    } else {
        theme::title()
    };
    let key = |a: Action| keymap.key_for(Layer::Form, &a);
    let keys = format!(
        "  {} add · {} delete · {}/{} move",
        key(Action::AddRow),
        key(Action::DeleteRow),
        key(Action::MoveRowUp),
        key(Action::MoveRowDown)
    );
    Line::from(vec![
        Span::styled(
            format!("{} {}", if focused { "›" } else { "─" }, field.label),
            style,
        ),
        Span::styled(keys, theme::dim()),
    ])
}

fn field_line(field: &Field, label: &str, value: String, focused: bool) -> Line<'static> {
    let label_style = if focused {
        theme::key()
    } else if field.error.is_some() {
        theme::error()
    } else {
        theme::dim()
    };
    let marker = if focused && !label.is_empty() {
        "› "
    } else {
        "  "
    };
    let mut value_style = ratatui::style::Style::new();
    if focused {
        value_style = value_style.add_modifier(Modifier::UNDERLINED);
    }
    // A fresh field is replaced by the first character typed: show it selected.
    if field.fresh {
        value_style = theme::selected();
    }
    Line::from(vec![
        Span::styled(
            format!("{}{marker}", text::fit(label, LABEL_COLS)),
            label_style,
        ),
        Span::styled(value, value_style),
    ])
}
