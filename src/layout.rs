//! Where things go on screen: pure geometry from the terminal's size. Shared by `ui` (which
//! draws there) and `app` (which must know how many tree rows fit to keep the selection in
//! view, and where a click landed), so both always agree; neither borrows the other's.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this size only a "terminal too small" message is drawn.
pub const MIN_WIDTH: u16 = 50;
/// Below this size only a "terminal too small" message is drawn.
pub const MIN_HEIGHT: u16 = 12;

/// Whether the terminal is big enough for the app.
pub fn fits(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT
}

/// The title bar, the body, the status line and the key hints.
pub fn frame_areas(area: Rect) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The Goals screen: the tree and the details, side by side when wide, stacked when not;
/// `zoomed`, the details take all but a strip of the tree with the selected row.
pub fn goals_areas(body: Rect, zoomed: bool) -> [Rect; 2] {
    if zoomed {
        Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(body)
    } else if body.width >= 100 {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(body)
    }
}

/// How many tree rows fit in a terminal of `size` (columns, rows), the details `zoomed` or not.
pub fn tree_rows_visible(size: (u16, u16), zoomed: bool) -> usize {
    tree_rows_area(size, zoomed).height as usize
}

/// A box of at most `width` × `height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The title bar's name, before the tabs.
pub const APP_NAME: &str = " goalcoach ";

/// A tab of the title bar: the key that shows its screen (from the keymap) and its name.
pub type Tab<'a> = (String, &'a str);

/// The label of a tab in the title bar: its key and its name.
pub fn tab_label((key, title): &Tab) -> String {
    format!(" {key} {title} ")
}

/// How many columns the title bar keeps for its notice ("review due (4)", "READ-ONLY…").
pub const NOTICE_ROOM: usize = 22;

/// The title bar's tabs on a terminal `width` wide with screen `current` on show: each
/// screen's number and name, or, where that would leave under `NOTICE_ROOM` columns for the
/// notice, the other screens by number alone (80 columns keep "review due" in view).
pub fn tab_labels(width: u16, current: usize, tabs: &[Tab]) -> Vec<String> {
    let full: Vec<String> = tabs.iter().map(tab_label).collect();
    let used: usize = APP_NAME.len() + full.iter().map(|l| l.chars().count()).sum::<usize>();
    if used + NOTICE_ROOM <= width as usize {
        return full;
    }
    tabs.iter()
        .enumerate()
        .map(|(i, tab)| {
            if i == current {
                tab_label(tab)
            } else {
                format!(" {} ", tab.0)
            }
        })
        .collect()
}

/// Which tab (screen index) column `x` of the title bar falls on, the tabs as `tab_labels`
/// lays them out.
pub fn tab_at(x: u16, width: u16, current: usize, tabs: &[Tab]) -> Option<usize> {
    let mut start = APP_NAME.len() as u16;
    for (i, label) in tab_labels(width, current, tabs).iter().enumerate() {
        let end = start + label.chars().count() as u16;
        if (start..end).contains(&x) {
            return Some(i);
        }
        start = end;
    }
    None
}

/// The tree's rows on screen (inside its border) for a terminal of `size`.
pub fn tree_rows_area(size: (u16, u16), zoomed: bool) -> Rect {
    let [_, body, _, _] = frame_areas(Rect::new(0, 0, size.0, size.1));
    let [tree, _] = goals_areas(body, zoomed);
    tree.inner(ratatui::layout::Margin::new(1, 1))
}
