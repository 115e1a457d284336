//! Drawing. Reads `&AppState` and paints a frame; no rules, no I/O, no state changes. Each
//! screen and overlay has its own file.

mod detail;
pub use detail::item_lines;
mod detail_items;
mod form;
mod help;
mod measures;
pub use crate::layout;
mod paths;
mod question;
mod review_history;
mod review_since;
mod sections;
mod step_back;
pub mod text;
pub mod theme;
mod trend;
mod welcome;

use crate::app::action::Screen;
use crate::app::core::StatusKind;
use crate::app::overlay::Overlay;
use crate::app::state::AppState;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the whole app for `state`.
pub fn draw(frame: &mut Frame, state: &AppState) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    if !layout::fits(area) {
        draw_too_small(frame, area, state);
        return;
    }
    theme::use_palette(state.settings.palette);
    let [title, body, status, footer] = layout::frame_areas(area);
    draw_title_bar(frame, title, state);
    draw_screen(frame, body, state);
    match long_message(state, area.width) {
        // A message longer than the line wraps onto the key hints' row, then over the
        // bottom of the screen: never cut. The next key clears it and the hints come back.
        Some((message, lines)) => {
            let rows = (lines.len() as u16)
                .min(MAX_MESSAGE_ROWS)
                .min(body.height + 2);
            let bottom = footer.y + footer.height;
            let room = Rect::new(area.x, bottom - rows, area.width, rows);
            let more = lines.len() > rows as usize;
            let mut lines: Vec<String> = lines.into_iter().take(rows as usize).collect();
            if more && let Some(last) = lines.last_mut() {
                *last = format!(
                    "{}…",
                    text::truncate(last, (area.width as usize).saturating_sub(1))
                );
            }
            let lines: Vec<Line> = lines
                .into_iter()
                .map(|l| Line::styled(l, message.style))
                .collect();
            frame.render_widget(ratatui::widgets::Clear, room);
            frame.render_widget(Paragraph::new(lines), room);
        }
        None => {
            draw_status(frame, status, state);
            draw_footer(frame, footer, state);
        }
    }
    draw_overlays(frame, body, state);
    if !state.settings.colour {
        drop_colours(frame);
    } else {
        colour_plain_text(frame, theme::text());
    }
}

/// Gives text drawn in the terminal's own colours the `text` role's colours, when the
/// config sets them.
fn colour_plain_text(frame: &mut Frame, text: ratatui::style::Style) {
    use ratatui::style::Color;
    if text.fg.is_none() && text.bg.is_none() {
        return;
    }
    for cell in frame.buffer_mut().content.iter_mut() {
        if let (Color::Reset, Some(fg)) = (cell.fg, text.fg) {
            cell.fg = fg;
        }
        if let (Color::Reset, Some(bg)) = (cell.bg, text.bg) {
            cell.bg = bg;
        }
    }
}

/// Takes every colour out of the frame (for `NO_COLOR`); bold, reverse and underline stay,
/// so the selection and headings still show.
fn drop_colours(frame: &mut Frame) {
    use ratatui::style::Color;
    for cell in frame.buffer_mut().content.iter_mut() {
        cell.fg = Color::Reset;
        cell.bg = Color::Reset;
    }
}

/// Too small to draw the app in: says so, and a question waiting for y or n comes first,
/// so that keys typed now (Ctrl-c on a changed form) never wait on something unseen.
fn draw_too_small(frame: &mut Frame, area: Rect, state: &AppState) {
    let size = format!(
        "Terminal too small ({}×{}). goalcoach needs {}×{}.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let text = match state.question() {
        Some(q) => format!("{} · {size}", q.text),
        None => size,
    };
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// Makes the screens' drawing modules and the call to the one on show from the list of
/// screens (`app::action::with_screens`); each `ui/<screen>.rs` has a `draw`.
macro_rules! screen_views {
    ($($variant:ident $module:ident $state:ident $title:literal,)*) => {
        $(mod $module;)*

        fn draw_screen(frame: &mut Frame, body: Rect, state: &AppState) {
            match state.screen {
                $(Screen::$variant => $module::draw(frame, body, state),)*
            }
        }
    };
}
crate::app::action::with_screens!(screen_views);

fn draw_overlays(frame: &mut Frame, body: Rect, state: &AppState) {
    match &state.overlay {
        Some(Overlay::Form(f)) => form::draw(frame, body, f, &state.settings.keymap),
        Some(Overlay::Question(q)) => question::draw(frame, body, q, &state.settings.keymap),
        Some(Overlay::Help(view)) => {
            let here = crate::keymap::Layer::Screen(state.screen);
            help::draw(frame, body, view, &state.settings.keymap, here)
        }
        None => {}
    }
}

fn draw_title_bar(frame: &mut Frame, area: Rect, state: &AppState) {
    let mut spans = vec![Span::styled(layout::APP_NAME, theme::title())];
    let (tabs, current) = state.tabs();
    let labels = layout::tab_labels(area.width, current, &tabs);
    for (screen, label) in Screen::ALL.iter().zip(labels) {
        let style = if *screen == state.screen {
            theme::selected()
        } else {
            theme::dim()
        };
        spans.push(Span::styled(label, style));
    }
    let right = title_bar_notice(state);
    let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    let room = (area.width as usize).saturating_sub(used + 1);
    if let Some((notice, style)) = right {
        let notice = text::truncate(&notice, room);
        let pad = room.saturating_sub(text::width(&notice));
        spans.push(Span::raw(" ".repeat(pad + 1)));
        spans.push(Span::styled(notice, style));
    }
    frame.render_widget(Line::from(spans), area);
}

fn title_bar_notice(state: &AppState) -> Option<(String, ratatui::style::Style)> {
    if let Some(holder) = &state.session.read_only {
        let short = holder.split(';').next().unwrap_or(holder);
        return Some((format!("READ-ONLY: {short}"), theme::warn()));
    }
    if state.session.save_error.is_some() {
        return Some(("NOT SAVED (see below)".into(), theme::error()));
    }
    if state.session.conflict_copy.is_some() {
        let reload = state.settings.keymap.key_for(
            crate::keymap::Layer::Global,
            &crate::app::action::Action::Reload,
        );
        return Some((
            format!("CHANGED OUTSIDE: {reload} to settle"),
            theme::error(),
        ));
    }
    use crate::model::weekly::{ReviewState, schedule};
    let review_key = state.settings.keymap.key_for(
        crate::keymap::Layer::Global,
        &crate::app::action::Action::ShowScreen(crate::app::action::Screen::Review),
    );
    let review = match schedule(state.plan(), state.today(), state.review_day()) {
        ReviewState::Due { .. } if !state.plan().goals.is_empty() => {
            Some(format!("review due ({review_key})"))
        }
        ReviewState::InProgress { .. } => Some(format!("review in progress ({review_key})")),
        _ => None,
    };
    let notice = match (&review, state.session.location.is_empty()) {
        (Some(review), true) => review.clone(),
        (Some(review), false) => format!("{review} · {}", state.session.location),
        (None, false) => state.session.location.clone(),
        (None, true) => return None,
    };
    Some((
        notice,
        if review.is_some() {
            theme::accent()
        } else {
            theme::dim()
        },
    ))
}

/// The most rows a long status message takes (the status line, the hints' row, two more).
const MAX_MESSAGE_ROWS: u16 = 4;

/// The status message, styled.
fn status_message(state: &AppState) -> Option<Span<'static>> {
    match (&state.status, &state.session.save_error) {
        (Some(s), _) if s.kind == StatusKind::Error => {
            Some(Span::styled(s.text.clone(), theme::error()))
        }
        (Some(s), _) => Some(Span::styled(s.text.clone(), theme::good())),
        (None, Some(e)) => Some(Span::styled(e.clone(), theme::error())),
        (None, None) => None,
    }
}

/// The message and its lines wrapped at `width`, when it needs more than its line (and no
/// search line shares the row).
fn long_message(state: &AppState, width: u16) -> Option<(Span<'static>, Vec<String>)> {
    let searching = state.screen == Screen::Goals && state.screens.goals.search.is_some();
    let message = status_message(state).filter(|_| !searching)?;
    let lines = text::wrap(&message.content, width as usize);
    (lines.len() > 1).then_some((message, lines))
}

fn draw_status(frame: &mut Frame, area: Rect, state: &AppState) {
    let message = status_message(state);
    let search = state
        .screens
        .goals
        .search
        .as_ref()
        .filter(|_| state.screen == Screen::Goals);
    let Some(search) = search else {
        frame.render_widget(
            Paragraph::new(Line::from(message.unwrap_or_default())),
            area,
        );
        return;
    };
    // The search line keeps its place; a message (or which field matched) follows it, never
    // hidden behind it.
    let room = (area.width as usize).saturating_sub(2);
    let (shown, cursor) = search.input.window(room / 2);
    let after = message.unwrap_or_else(|| Span::styled(goals::matched_in(state), theme::dim()));
    let line = Line::from(vec![
        Span::styled("/", theme::key()),
        Span::raw(format!("{shown}   ")),
        after,
    ]);
    frame.render_widget(Paragraph::new(line), area);
    if search.typing && state.overlay.is_none() {
        frame.set_cursor_position((area.x + 1 + cursor as u16, area.y));
    }
}

fn draw_footer(frame: &mut Frame, area: Rect, state: &AppState) {
    let mut hints = state.settings.keymap.footer_hints(state.layer());
    // The way to every other key is never the hint that falls off the end.
    if let Some(i) = hints.iter().position(|(_, label)| *label == "help") {
        let help = hints.remove(i);
        hints.insert(0, help);
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, label) in hints {
        let hint = format!(" {label}  ");
        let cost = text::width(&key) + text::width(&hint);
        // Whole hints only: a cut-off hint reads as a different key.
        if used + cost > area.width as usize + 2 {
            break;
        }
        used += cost;
        spans.push(Span::styled(key, theme::key()));
        spans.push(Span::raw(hint));
    }
    frame.render_widget(Line::from(spans), area);
}
