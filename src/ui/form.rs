//! A form over the screen: one line per field (label, then value), the error of a field on
//! the line below it, scrolled so the focused field is always in view.

use super::{layout, text, theme};
use crate::app::form::{Field, FieldKind, Form};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

const LABEL_COLS: usize = 22;

/// Draws `form` in a box over `area`, and puts the terminal cursor in the focused field.
pub fn draw<P>(frame: &mut Frame, area: Rect, form: &Form<P>) {
    let width = 78.min(area.width);
    let inner_width = width.saturating_sub(2) as usize;
    let value_cols = inner_width.saturating_sub(LABEL_COLS + 2).max(1);
    let (lines, focus_line, cursor_col) = form_lines(form, inner_width, value_cols);
    let height = (lines.len() as u16 + 2).min(area.height);
    let box_area = layout::centered(area, width, height);
    let visible = box_area.height.saturating_sub(2) as usize;
    let offset = focus_line.saturating_sub(visible.saturating_sub(2));
    frame.render_widget(Clear, box_area);
    let block = Block::bordered()
        .title(format!(" {} ", form.title))
        .title_bottom(" Enter save · Esc cancel · Tab next field ")
        .border_style(theme::accent());
    let paragraph = Paragraph::new(lines)
        .block(block)
        .scroll((offset as u16, 0));
    frame.render_widget(paragraph, box_area);
    if let Some(col) = cursor_col {
        let row = focus_line.checked_sub(offset).filter(|r| *r < visible);
        if let Some(row) = row {
            let x = box_area.x + 1 + (LABEL_COLS + 2 + col) as u16;
            frame.set_cursor_position((
                x.min(box_area.right().saturating_sub(2)),
                box_area.y + 1 + row as u16,
            ));
        }
    }
}

/// The lines of the form, the line of the focused field and the cursor's column in its value.
fn form_lines<P>(
    form: &Form<P>,
    inner_width: usize,
    value_cols: usize,
) -> (Vec<Line<'static>>, usize, Option<usize>) {
    let mut lines = Vec::new();
    if let Some(note) = &form.note {
        for line in note.lines() {
            lines.push(Line::styled(
                text::truncate(line, inner_width),
                theme::warn(),
            ));
        }
        lines.push(Line::default());
    }
    let mut focus_line = 0;
    let mut cursor = None;
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let (value, col) = value_text(field, value_cols, focused);
        if focused {
            focus_line = lines.len();
            cursor = col;
        }
        lines.push(field_line(field, value, focused));
        if let Some(error) = &field.error {
            let indent = " ".repeat(LABEL_COLS + 2);
            lines.push(Line::styled(
                format!("{indent}{}", text::truncate(error, value_cols)),
                theme::error(),
            ));
        }
    }
    (lines, focus_line, cursor)
}

fn value_text(field: &Field, cols: usize, focused: bool) -> (String, Option<usize>) {
    match &field.kind {
        FieldKind::Choice(_) => (format!("◂ {} ▸", field.shown_value()), None),
        _ if focused => {
            let (shown, col) = field.input.window(cols);
            (shown, Some(col))
        }
        FieldKind::Section => (String::new(), None),
        _ => (
            text::truncate(&field.input.value().replace('\n', "↵"), cols),
            None,
        ),
    }
}

fn field_line(field: &Field, value: String, focused: bool) -> Line<'static> {
    if field.kind == FieldKind::Section {
        let style = if focused {
            theme::key()
        } else {
            theme::title()
        };
        return Line::from(vec![
            Span::styled(
                format!("{} {}", if focused { "›" } else { "─" }, field.label),
                style,
            ),
            Span::styled("  Ctrl-n add · Ctrl-d delete · Ctrl-↑/↓ move", theme::dim()),
        ]);
    }
    let label_style = if focused {
        theme::key()
    } else if field.error.is_some() {
        theme::error()
    } else {
        theme::dim()
    };
    let marker = if focused { "› " } else { "  " };
    let mut value_style = ratatui::style::Style::new();
    if focused {
        value_style = value_style.add_modifier(Modifier::UNDERLINED);
    }
    Line::from(vec![
        Span::styled(
            format!("{}{marker}", text::fit(&field.label, LABEL_COLS)),
            label_style,
        ),
        Span::styled(value, value_style),
    ])
}
