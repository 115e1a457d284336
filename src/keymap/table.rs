//! The default key bindings: one row per action, the layers it works in, its keys, and the
//! words help and the footer use for it. Pure data; `Keymap` reads it.

use super::{Key, Layer};
use crate::app::action::{Action, Screen};
use crossterm::event::KeyCode;

/// One row of the table: in each of `layers`, any of `keys` means `action`.
#[derive(Debug)]
pub struct Binding {
    /// What the configuration file calls the action (within its layer's namespace): written
    /// out here, never derived from the variant, so renaming a variant cannot break a user's
    /// file (the list is snapshot-tested).
    pub name: &'static str,
    pub layers: &'static [Layer],
    pub keys: &'static [Key],
    pub action: Action,
    /// What the action does, in a few words, for help and hints.
    pub label: &'static str,
    /// Whether the footer shows it.
    pub footer: bool,
}

const fn bind(
    name: &'static str,
    layers: &'static [Layer],
    keys: &'static [Key],
    action: Action,
    label: &'static str,
) -> Binding {
    Binding {
        name,
        layers,
        keys,
        action,
        label,
        footer: false,
    }
}

const fn hint(
    name: &'static str,
    layers: &'static [Layer],
    keys: &'static [Key],
    action: Action,
    label: &'static str,
) -> Binding {
    Binding {
        name,
        layers,
        keys,
        action,
        label,
        footer: true,
    }
}

use crate::model::review::Decision;
use KeyCode as K;

const ALL: &[Layer] = &[Layer::Global];
const TREE: &[Layer] = &[Layer::Screen(Screen::Goals)];
const FOLD: &[Layer] = &[
    Layer::Screen(Screen::Goals),
    Layer::Screen(Screen::Priorities),
];
const LISTS: &[Layer] = &[
    Layer::Screen(Screen::Goals),
    Layer::Screen(Screen::Agenda),
    Layer::Screen(Screen::Priorities),
    Layer::Screen(Screen::Timeline),
];
const ITEMS: &[Layer] = &[
    Layer::Screen(Screen::Goals),
    Layer::Screen(Screen::Agenda),
    Layer::Screen(Screen::Priorities),
    Layer::Screen(Screen::Review),
    Layer::Screen(Screen::Timeline),
];
/// The screens that show goals and their items, where the view can be narrowed.
const VIEWS: &[Layer] = &[
    Layer::Screen(Screen::Goals),
    Layer::Screen(Screen::Agenda),
    Layer::Screen(Screen::Priorities),
    Layer::Screen(Screen::Timeline),
];
const SWITCH: &[Layer] = &[
    Layer::Screen(Screen::Priorities),
    Layer::Screen(Screen::Timeline),
];
const GO: &[Layer] = &[Layer::Screen(Screen::Goals)];
const TL: &[Layer] = &[Layer::Screen(Screen::Timeline)];
const RV: &[Layer] = &[Layer::Screen(Screen::Review)];
const PR: &[Layer] = &[Layer::Screen(Screen::Profile)];
const FI: &[Layer] = &[Layer::Filtered];
const S: &[Layer] = &[Layer::Search];
const F: &[Layer] = &[Layer::Form];
const C: &[Layer] = &[Layer::Confirm];
const H: &[Layer] = &[Layer::Help];

/// The default key bindings.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind("move_down", ALL, &[Key::ch('j'), Key::plain(K::Down)], Action::MoveDown, "move down"),
    bind("move_up", ALL, &[Key::ch('k'), Key::plain(K::Up)], Action::MoveUp, "move up"),
    bind("top", ALL, &[Key::ch('g'), Key::plain(K::Home)], Action::Top, "go to top"),
    bind("bottom", ALL, &[Key::ch('G'), Key::plain(K::End)], Action::Bottom, "go to bottom"),
    bind("page_up", ALL, &[Key::plain(K::PageUp)], Action::PageUp, "page up"),
    bind("page_down", ALL, &[Key::plain(K::PageDown)], Action::PageDown, "page down"),
    hint("undo", ALL, &[Key::ch('u')], Action::Undo, "undo"),
    bind("redo", ALL, &[Key::ctrl('r')], Action::Redo, "redo"),
    bind("reload", ALL, &[Key::ch('R')], Action::Reload, "reload the plan from disk"),
    bind("save_again", ALL, &[Key::ctrl('s')], Action::SaveAgain, "save again (after a failed save)"),
    bind("write_copy", ALL, &[Key::ch('W')], Action::WriteCopy, "write a copy of the plan to another file"),
    bind("sync", ALL, &[Key::ch('Y')], Action::Sync, "sync with your other computers (git; as goalcoach sync)"),
    bind("calendar_sync", ALL, &[Key::ch('O')], Action::CalendarSync, "sync with the calendar folder, so your phone (as goalcoach calendar sync)"),
    bind("show_screen_goals", ALL, &[Key::ch('1')], Action::ShowScreen(Screen::Goals), "Goals screen"),
    bind("show_screen_agenda", ALL, &[Key::ch('2')], Action::ShowScreen(Screen::Agenda), "Agenda screen"),
    bind("show_screen_priorities", ALL, &[Key::ch('3')], Action::ShowScreen(Screen::Priorities), "Priorities screen"),
    bind("show_screen_review", ALL, &[Key::ch('4')], Action::ShowScreen(Screen::Review), "Review screen"),
    bind("show_screen_profile", ALL, &[Key::ch('5')], Action::ShowScreen(Screen::Profile), "Profile screen"),
    bind("show_screen_timeline", ALL, &[Key::ch('6')], Action::ShowScreen(Screen::Timeline), "Timeline screen"),
    bind("next_screen", ALL, &[Key::plain(K::Tab)], Action::NextScreen, "next screen"),
    bind("prev_screen", ALL, &[Key::plain(K::BackTab)], Action::PrevScreen, "previous screen"),
    hint("toggle_help", ALL, &[Key::ch('?')], Action::ToggleHelp, "help"),
    hint("quit", ALL, &[Key::ch('q'), Key::ctrl('c')], Action::Quit, "quit"),
    bind("suspend", ALL, &[Key::ctrl('z')], Action::Suspend, "suspend to the shell (fg brings it back)"),
    hint("start_review", RV, &[Key::ch('r')], Action::StartReview, "start/resume review"),
    hint("review_next", RV, &[Key::plain(K::Enter), Key::ch('l'), Key::plain(K::Right)], Action::ReviewNext, "next"),
    hint("review_back", RV, &[Key::ch('h'), Key::plain(K::Left)], Action::ReviewBack, "back"),
    bind("decide_keep", RV, &[Key::ch('K')], Action::Decide(Decision::Keep), "keep the goal as it is"),
    bind("decide_adjust", RV, &[Key::ch('A')], Action::Decide(Decision::Adjust), "adjust the goal (opens its editor)"),
    bind("decide_hold", RV, &[Key::ch('H')], Action::Decide(Decision::Hold), "put the goal on hold"),
    bind("decide_drop", RV, &[Key::ch('D')], Action::Decide(Decision::Drop), "drop the goal"),
    bind("decide_done", RV, &[Key::ch('X')], Action::Decide(Decision::Done), "mark the goal done"),
    hint("toggle_commitment", RV, &[Key::ch(' ')], Action::ToggleCommitment, "pick for next week"),
    hint("edit_reflection", RV, &[Key::ch('w')], Action::EditReflection, "write reflection"),
    hint("finish_review", RV, &[Key::ch('F')], Action::FinishReview, "finish"),
    bind("skip_week", RV, &[Key::ch('S')], Action::SkipWeek, "skip this week (on purpose)"),
    bind("log_achievement", RV, &[Key::ch('L')], Action::LogAchievement, "log the win as an achievement"),
    hint("step_back", RV, &[Key::ch('B')], Action::StepBack, "step back (monthly/quarterly)"),
    bind("write_brief", RV, &[Key::ch('b')], Action::WriteBrief, "write a brief for a 1:1 to a file"),
    hint("next_section", PR, &[Key::ch('l'), Key::plain(K::Right)], Action::NextSection, "next section"),
    hint("prev_section", PR, &[Key::ch('h'), Key::plain(K::Left)], Action::PrevSection, "previous section"),
    hint("edit_section", PR, &[Key::ch('e'), Key::plain(K::Enter)], Action::EditSection, "edit section"),
    hint("add_entry", PR, &[Key::ch('a'), Key::ch('n')], Action::AddEntry, "add"),
    hint("delete_entry", PR, &[Key::ch('d')], Action::DeleteEntry, "delete"),
    bind("feedback_to_step", PR, &[Key::ch('T')], Action::FeedbackToStep, "feedback becomes a step; a threat, a barrier on a goal"),
    bind("entry_to_goal", PR, &[Key::ch('G')], Action::EntryToGoal, "make a goal of it (growth area, interest, opportunity, path)"),
    bind("toggle_compare", PR, &[Key::ch('v')], Action::ToggleCompare, "compare career paths side by side"),
    hint("journey", PR, &[Key::ch('J')], Action::Journey, "guided start"),
    bind("toggle_hide_done", VIEWS, &[Key::ch('H')], Action::ToggleHideDone, "hide done and dropped items, or show them"),
    bind("next_narrow", VIEWS, &[Key::ch('F')], Action::NextNarrow, "narrow to short-term, long-term or a tag; again for the next"),
    bind("toggle_focus", VIEWS, &[Key::ch('f')], Action::ToggleFocus, "make the goal a focus goal, or not"),
    bind("archive", VIEWS, &[Key::ch('Z')], Action::Archive, "archive a finished or dropped goal (search still finds it)"),
    hint("switch_view", SWITCH, &[Key::ch('v')], Action::SwitchView, "switch view"),
    bind("switch_view", GO, &[Key::ch('v')], Action::SwitchView, "details: fill the screen, or share it"),
    hint("earlier", TL, &[Key::ch('h'), Key::plain(K::Left)], Action::Earlier, "earlier"),
    hint("later", TL, &[Key::ch('l'), Key::plain(K::Right)], Action::Later, "later"),
    bind("go_to_today", TL, &[Key::ch('.')], Action::GoToToday, "back to today"),
    bind("collapse", FOLD, &[Key::ch('h'), Key::plain(K::Left)], Action::Collapse, "fold, or go to parent (Priorities: box on the left)"),
    bind("expand", FOLD, &[Key::ch('l'), Key::plain(K::Right)], Action::Expand, "unfold, or go to child (Priorities: box on the right)"),
    hint("new_goal", ITEMS, &[Key::ch('n')], Action::NewGoal, "new goal"),
    hint("add_child", ITEMS, &[Key::ch('a')], Action::AddChild, "add milestone/step"),
    bind("add_step", TREE, &[Key::ch('A')], Action::AddStep, "add a step straight under the goal"),
    hint("edit", ITEMS, &[Key::ch('e')], Action::Edit, "edit"),
    bind("open", LISTS, &[Key::plain(K::Enter)], Action::Open, "open: edit in the tree, show in the tree elsewhere"),
    hint("reschedule", ITEMS, &[Key::ch('t')], Action::Reschedule, "new date"),
    bind("cycle_importance", ITEMS, &[Key::ch('i')], Action::CycleImportance, "cycle importance 1–3"),
    bind("cycle_urgency", ITEMS, &[Key::ch('U')], Action::CycleUrgency, "cycle urgency 1–3"),
    hint("toggle_done", LISTS, &[Key::ch('x'), Key::ch(' ')], Action::ToggleDone, "toggle done"),
    bind("toggle_done", RV, &[Key::ch('x')], Action::ToggleDone, "toggle done"),
    hint("delete", ITEMS, &[Key::ch('d')], Action::Delete, "delete"),
    bind("move_item_down", TREE, &[Key::ch('J')], Action::MoveItemDown, "move item down"),
    bind("move_item_up", TREE, &[Key::ch('K')], Action::MoveItemUp, "move item up"),
    hint("check_in", ITEMS, &[Key::ch('c')], Action::CheckIn, "check in"),
    bind("cycle_status", ITEMS, &[Key::ch('s')], Action::CycleStatus, "cycle goal status"),
    bind("promote", ITEMS, &[Key::ch('P')], Action::Promote, "log a done milestone or step as an achievement"),
    hint("start_search", TREE, &[Key::ch('/')], Action::StartSearch, "search"),
    hint("next_match", FI, &[Key::ch('n')], Action::NextMatch, "next match"),
    hint("prev_match", FI, &[Key::ch('N')], Action::PrevMatch, "previous match"),
    hint("clear_search", FI, &[Key::plain(K::Esc)], Action::ClearSearch, "clear search"),
    hint("next_match", S, &[Key::plain(K::Down), Key::ctrl('n')], Action::NextMatch, "next match"),
    hint("prev_match", S, &[Key::plain(K::Up), Key::ctrl('p')], Action::PrevMatch, "previous match"),
    hint("accept_search", S, &[Key::plain(K::Enter)], Action::AcceptSearch, "keep filter"),
    hint("clear_search", S, &[Key::plain(K::Esc)], Action::ClearSearch, "clear"),
    bind("delete_back", S, &[Key::plain(K::Backspace)], Action::DeleteBack, "delete back"),
    bind("delete_word_back", S, &[Key::ctrl('w')], Action::DeleteWordBack, "delete the word before the cursor"),
    bind("clear_field", S, &[Key::ctrl('u')], Action::ClearField, "clear the query"),
    bind("cursor_left", S, &[Key::plain(K::Left)], Action::CursorLeft, "cursor left"),
    bind("cursor_right", S, &[Key::plain(K::Right)], Action::CursorRight, "cursor right"),
    bind("quit", S, &[Key::ctrl('c')], Action::Quit, "quit"),
    hint("submit", F, &[Key::plain(K::Enter)], Action::Submit, "save"),
    hint("cancel", F, &[Key::plain(K::Esc)], Action::Cancel, "cancel"),
    hint("next_field", F, &[Key::plain(K::Tab), Key::plain(K::Down)], Action::NextField, "next field"),
    bind("prev_field", F, &[Key::plain(K::BackTab), Key::plain(K::Up)], Action::PrevField, "previous field"),
    bind("next_page", F, &[Key::plain(K::PageDown)], Action::NextPage, "next section"),
    bind("prev_page", F, &[Key::plain(K::PageUp)], Action::PrevPage, "previous section"),
    bind("show_page0", F, &[Key::alt(K::Char('1'))], Action::ShowPage(0), "section 1 (goal: SMART card)"),
    bind("show_page1", F, &[Key::alt(K::Char('2'))], Action::ShowPage(1), "section 2 (goal: measures)"),
    bind("show_page2", F, &[Key::alt(K::Char('3'))], Action::ShowPage(2), "section 3 (goal: barriers and resources)"),
    bind("show_page3", F, &[Key::alt(K::Char('4'))], Action::ShowPage(3), "section 4 (goal: check-ins)"),
    bind("show_page4", F, &[Key::alt(K::Char('5'))], Action::ShowPage(4), "section 5 (goal: settings)"),
    bind("cursor_left", F, &[Key::plain(K::Left)], Action::CursorLeft, "cursor left / previous choice"),
    bind("cursor_right", F, &[Key::plain(K::Right)], Action::CursorRight, "cursor right / next choice"),
    bind("word_left", F, &[Key::alt(K::Left), Key::alt(K::Char('b'))], Action::WordLeft, "back a word"),
    bind("word_right", F, &[Key::alt(K::Right), Key::alt(K::Char('f'))], Action::WordRight, "forward a word"),
    bind("cursor_home", F, &[Key::plain(K::Home), Key::ctrl('a')], Action::CursorHome, "start of field"),
    bind("cursor_end", F, &[Key::plain(K::End)], Action::CursorEnd, "end of field"),
    bind("delete_back", F, &[Key::plain(K::Backspace)], Action::DeleteBack, "delete before cursor"),
    bind("delete_forward", F, &[Key::plain(K::Delete)], Action::DeleteForward, "delete at cursor"),
    bind("delete_word_back", F, &[Key::ctrl('w'), Key::alt(K::Backspace)], Action::DeleteWordBack, "delete the word before the cursor"),
    bind("clear_field", F, &[Key::ctrl('u')], Action::ClearField, "clear the field"),
    bind("new_line", F, &[Key::alt(K::Enter), Key::ctrl('j')], Action::NewLine, "new line in a long text"),
    bind("add_row", F, &[Key::ctrl('n')], Action::AddRow, "add a row to this section (barrier, resource, check-in)"),
    bind("delete_row", F, &[Key::ctrl('d')], Action::DeleteRow, "delete this row"),
    bind("move_row_up", F, &[Key::ctrl_key(K::Up)], Action::MoveRowUp, "move this row up"),
    bind("move_row_down", F, &[Key::ctrl_key(K::Down)], Action::MoveRowDown, "move this row down"),
    bind("edit_in_editor", F, &[Key::ctrl('e')], Action::EditInEditor, "edit this text in $EDITOR"),
    bind("quit", F, &[Key::ctrl('c')], Action::Quit, "quit (asks first if the form has changes)"),
    hint("confirm", C, &[Key::ch('y'), Key::plain(K::Enter)], Action::Confirm, "yes"),
    hint("deny", C, &[Key::ch('n')], Action::Deny, "no"),
    bind("dismiss", C, &[Key::plain(K::Esc)], Action::Dismiss, "close the question"),
    bind("choose_conflicts", &[Layer::Screen(Screen::Goals)], &[Key::ch('C')], Action::ChooseConflicts, "choose between merged values"),
    bind("quit", C, &[Key::ctrl('c')], Action::Quit, "quit"),
    hint("toggle_help", H, &[Key::ch('?'), Key::plain(K::Esc), Key::ch('q')], Action::ToggleHelp, "close help"),
    bind("move_down", H, &[Key::ch('j'), Key::plain(K::Down)], Action::MoveDown, "scroll down"),
    bind("move_up", H, &[Key::ch('k'), Key::plain(K::Up)], Action::MoveUp, "scroll up"),
    bind("quit", H, &[Key::ctrl('c')], Action::Quit, "quit"),
    hint("help_filter", H, &[Key::ch('/')], Action::StartSearch, "show only the keys whose words hold what you type"),
];
