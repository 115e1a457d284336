//! The default key bindings: one row per action, the layers it works in, its keys, and the
//! words help and the footer use for it. Pure data; `Keymap` reads it.

use super::{Key, Layer};
use crate::app::action::{Action, Screen};
use crossterm::event::KeyCode;

/// One row of the table: in each of `layers`, any of `keys` means `action`.
#[derive(Debug)]
pub struct Binding {
    pub layers: &'static [Layer],
    pub keys: &'static [Key],
    pub action: Action,
    /// What the action does, in a few words, for help and hints.
    pub label: &'static str,
    /// Whether the footer shows it.
    pub footer: bool,
}

const fn bind(
    layers: &'static [Layer],
    keys: &'static [Key],
    action: Action,
    label: &'static str,
) -> Binding {
    Binding {
        layers,
        keys,
        action,
        label,
        footer: false,
    }
}

const fn hint(
    layers: &'static [Layer],
    keys: &'static [Key],
    action: Action,
    label: &'static str,
) -> Binding {
    Binding {
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
const TREE: &[Layer] = &[Layer::Goals];
const FOLD: &[Layer] = &[Layer::Goals, Layer::Priorities];
const LISTS: &[Layer] = &[
    Layer::Goals,
    Layer::Agenda,
    Layer::Priorities,
    Layer::Timeline,
];
const ITEMS: &[Layer] = &[
    Layer::Goals,
    Layer::Agenda,
    Layer::Priorities,
    Layer::Review,
    Layer::Timeline,
];
/// The screens that show goals and their items, where the view can be narrowed.
const VIEWS: &[Layer] = &[
    Layer::Goals,
    Layer::Agenda,
    Layer::Priorities,
    Layer::Timeline,
];
const SWITCH: &[Layer] = &[Layer::Priorities, Layer::Timeline];
const GO: &[Layer] = &[Layer::Goals];
const TL: &[Layer] = &[Layer::Timeline];
const RV: &[Layer] = &[Layer::Review];
const PR: &[Layer] = &[Layer::Profile];
const FI: &[Layer] = &[Layer::Filtered];
const S: &[Layer] = &[Layer::Search];
const F: &[Layer] = &[Layer::Form];
const C: &[Layer] = &[Layer::Confirm];
const H: &[Layer] = &[Layer::Help];

/// The default key bindings.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(ALL, &[Key::ch('j'), Key::plain(K::Down)], Action::MoveDown, "move down"),
    bind(ALL, &[Key::ch('k'), Key::plain(K::Up)], Action::MoveUp, "move up"),
    bind(ALL, &[Key::ch('g'), Key::plain(K::Home)], Action::Top, "go to top"),
    bind(ALL, &[Key::ch('G'), Key::plain(K::End)], Action::Bottom, "go to bottom"),
    bind(ALL, &[Key::plain(K::PageUp)], Action::PageUp, "page up"),
    bind(ALL, &[Key::plain(K::PageDown)], Action::PageDown, "page down"),
    hint(ALL, &[Key::ch('u')], Action::Undo, "undo"),
    bind(ALL, &[Key::ctrl('r')], Action::Redo, "redo"),
    bind(ALL, &[Key::ch('R')], Action::Reload, "reload the plan from disk"),
    bind(ALL, &[Key::ctrl('s')], Action::SaveAgain, "save again (after a failed save)"),
    bind(ALL, &[Key::ch('W')], Action::WriteCopy, "write a copy of the plan to another file"),
    bind(ALL, &[Key::ch('1')], Action::ShowScreen(Screen::Goals), "Goals screen"),
    bind(ALL, &[Key::ch('2')], Action::ShowScreen(Screen::Agenda), "Agenda screen"),
    bind(ALL, &[Key::ch('3')], Action::ShowScreen(Screen::Priorities), "Priorities screen"),
    bind(ALL, &[Key::ch('4')], Action::ShowScreen(Screen::Review), "Review screen"),
    bind(ALL, &[Key::ch('5')], Action::ShowScreen(Screen::Profile), "Profile screen"),
    bind(ALL, &[Key::ch('6')], Action::ShowScreen(Screen::Timeline), "Timeline screen"),
    bind(ALL, &[Key::plain(K::Tab)], Action::NextScreen, "next screen"),
    bind(ALL, &[Key::plain(K::BackTab)], Action::PrevScreen, "previous screen"),
    hint(ALL, &[Key::ch('?')], Action::ToggleHelp, "help"),
    hint(ALL, &[Key::ch('q'), Key::ctrl('c')], Action::Quit, "quit"),
    bind(ALL, &[Key::ctrl('z')], Action::Suspend, "suspend to the shell (fg brings it back)"),
    hint(RV, &[Key::ch('r')], Action::StartReview, "start/resume review"),
    hint(RV, &[Key::plain(K::Enter), Key::ch('l'), Key::plain(K::Right)], Action::ReviewNext, "next"),
    hint(RV, &[Key::ch('h'), Key::plain(K::Left)], Action::ReviewBack, "back"),
    bind(RV, &[Key::ch('K')], Action::Decide(Decision::Keep), "keep the goal as it is"),
    bind(RV, &[Key::ch('A')], Action::Decide(Decision::Adjust), "adjust the goal (opens its editor)"),
    bind(RV, &[Key::ch('H')], Action::Decide(Decision::Hold), "put the goal on hold"),
    bind(RV, &[Key::ch('D')], Action::Decide(Decision::Drop), "drop the goal"),
    bind(RV, &[Key::ch('X')], Action::Decide(Decision::Done), "mark the goal done"),
    hint(RV, &[Key::ch(' ')], Action::ToggleCommitment, "pick for next week"),
    hint(RV, &[Key::ch('w')], Action::EditReflection, "write reflection"),
    hint(RV, &[Key::ch('F')], Action::FinishReview, "finish"),
    bind(RV, &[Key::ch('S')], Action::SkipWeek, "skip this week (on purpose)"),
    bind(RV, &[Key::ch('L')], Action::LogAchievement, "log the win as an achievement"),
    hint(RV, &[Key::ch('B')], Action::StepBack, "step back (monthly/quarterly)"),
    bind(RV, &[Key::ch('b')], Action::WriteBrief, "write a brief for a 1:1 to a file"),
    hint(PR, &[Key::ch('l'), Key::plain(K::Right)], Action::NextSection, "next section"),
    hint(PR, &[Key::ch('h'), Key::plain(K::Left)], Action::PrevSection, "previous section"),
    hint(PR, &[Key::ch('e'), Key::plain(K::Enter)], Action::EditSection, "edit section"),
    hint(PR, &[Key::ch('a'), Key::ch('n')], Action::AddEntry, "add"),
    hint(PR, &[Key::ch('d')], Action::DeleteEntry, "delete"),
    bind(PR, &[Key::ch('T')], Action::FeedbackToStep, "feedback becomes a step; a threat, a barrier on a goal"),
    bind(PR, &[Key::ch('G')], Action::EntryToGoal, "make a goal of it (growth area, interest, opportunity, path)"),
    bind(PR, &[Key::ch('v')], Action::ToggleCompare, "compare career paths side by side"),
    hint(PR, &[Key::ch('J')], Action::Journey, "guided start"),
    bind(VIEWS, &[Key::ch('H')], Action::ToggleHideDone, "hide done and dropped items, or show them"),
    bind(VIEWS, &[Key::ch('F')], Action::NextNarrow, "narrow to short-term, long-term or a tag; again for the next"),
    bind(VIEWS, &[Key::ch('f')], Action::ToggleFocus, "make the goal a focus goal, or not"),
    bind(VIEWS, &[Key::ch('Z')], Action::Archive, "archive a finished or dropped goal (search still finds it)"),
    hint(SWITCH, &[Key::ch('v')], Action::SwitchView, "switch view"),
    bind(GO, &[Key::ch('v')], Action::SwitchView, "details: fill the screen, or share it"),
    hint(TL, &[Key::ch('h'), Key::plain(K::Left)], Action::Earlier, "earlier"),
    hint(TL, &[Key::ch('l'), Key::plain(K::Right)], Action::Later, "later"),
    bind(TL, &[Key::ch('.')], Action::GoToToday, "back to today"),
    bind(FOLD, &[Key::ch('h'), Key::plain(K::Left)], Action::Collapse, "fold, or go to parent (Priorities: box on the left)"),
    bind(FOLD, &[Key::ch('l'), Key::plain(K::Right)], Action::Expand, "unfold, or go to child (Priorities: box on the right)"),
    hint(ITEMS, &[Key::ch('n')], Action::NewGoal, "new goal"),
    hint(ITEMS, &[Key::ch('a')], Action::AddChild, "add milestone/step"),
    bind(TREE, &[Key::ch('A')], Action::AddStep, "add a step straight under the goal"),
    hint(ITEMS, &[Key::ch('e')], Action::Edit, "edit"),
    bind(LISTS, &[Key::plain(K::Enter)], Action::Open, "open: edit in the tree, show in the tree elsewhere"),
    hint(ITEMS, &[Key::ch('t')], Action::Reschedule, "new date"),
    bind(ITEMS, &[Key::ch('i')], Action::CycleImportance, "cycle importance 1–3"),
    bind(ITEMS, &[Key::ch('U')], Action::CycleUrgency, "cycle urgency 1–3"),
    hint(LISTS, &[Key::ch('x'), Key::ch(' ')], Action::ToggleDone, "toggle done"),
    bind(RV, &[Key::ch('x')], Action::ToggleDone, "toggle done"),
    hint(ITEMS, &[Key::ch('d')], Action::Delete, "delete"),
    bind(TREE, &[Key::ch('J')], Action::MoveItemDown, "move item down"),
    bind(TREE, &[Key::ch('K')], Action::MoveItemUp, "move item up"),
    hint(ITEMS, &[Key::ch('c')], Action::CheckIn, "check in"),
    bind(ITEMS, &[Key::ch('s')], Action::CycleStatus, "cycle goal status"),
    bind(ITEMS, &[Key::ch('P')], Action::Promote, "log a done milestone or step as an achievement"),
    hint(TREE, &[Key::ch('/')], Action::StartSearch, "search"),
    hint(FI, &[Key::ch('n')], Action::NextMatch, "next match"),
    hint(FI, &[Key::ch('N')], Action::PrevMatch, "previous match"),
    hint(FI, &[Key::plain(K::Esc)], Action::ClearSearch, "clear search"),
    hint(S, &[Key::plain(K::Down), Key::ctrl('n')], Action::NextMatch, "next match"),
    hint(S, &[Key::plain(K::Up), Key::ctrl('p')], Action::PrevMatch, "previous match"),
    hint(S, &[Key::plain(K::Enter)], Action::AcceptSearch, "keep filter"),
    hint(S, &[Key::plain(K::Esc)], Action::ClearSearch, "clear"),
    bind(S, &[Key::plain(K::Backspace)], Action::DeleteBack, "delete back"),
    bind(S, &[Key::ctrl('w')], Action::DeleteWordBack, "delete the word before the cursor"),
    bind(S, &[Key::ctrl('u')], Action::ClearField, "clear the query"),
    bind(S, &[Key::plain(K::Left)], Action::CursorLeft, "cursor left"),
    bind(S, &[Key::plain(K::Right)], Action::CursorRight, "cursor right"),
    bind(S, &[Key::ctrl('c')], Action::Quit, "quit"),
    hint(F, &[Key::plain(K::Enter)], Action::Submit, "save"),
    hint(F, &[Key::plain(K::Esc)], Action::Cancel, "cancel"),
    hint(F, &[Key::plain(K::Tab), Key::plain(K::Down)], Action::NextField, "next field"),
    bind(F, &[Key::plain(K::BackTab), Key::plain(K::Up)], Action::PrevField, "previous field"),
    bind(F, &[Key::plain(K::PageDown)], Action::NextPage, "next section"),
    bind(F, &[Key::plain(K::PageUp)], Action::PrevPage, "previous section"),
    bind(F, &[Key::alt(K::Char('1'))], Action::ShowPage(0), "section 1 (goal: SMART card)"),
    bind(F, &[Key::alt(K::Char('2'))], Action::ShowPage(1), "section 2 (goal: measures)"),
    bind(F, &[Key::alt(K::Char('3'))], Action::ShowPage(2), "section 3 (goal: barriers and resources)"),
    bind(F, &[Key::alt(K::Char('4'))], Action::ShowPage(3), "section 4 (goal: check-ins)"),
    bind(F, &[Key::alt(K::Char('5'))], Action::ShowPage(4), "section 5 (goal: settings)"),
    bind(F, &[Key::plain(K::Left)], Action::CursorLeft, "cursor left / previous choice"),
    bind(F, &[Key::plain(K::Right)], Action::CursorRight, "cursor right / next choice"),
    bind(F, &[Key::alt(K::Left), Key::alt(K::Char('b'))], Action::WordLeft, "back a word"),
    bind(F, &[Key::alt(K::Right), Key::alt(K::Char('f'))], Action::WordRight, "forward a word"),
    bind(F, &[Key::plain(K::Home), Key::ctrl('a')], Action::CursorHome, "start of field"),
    bind(F, &[Key::plain(K::End)], Action::CursorEnd, "end of field"),
    bind(F, &[Key::plain(K::Backspace)], Action::DeleteBack, "delete before cursor"),
    bind(F, &[Key::plain(K::Delete)], Action::DeleteForward, "delete at cursor"),
    bind(F, &[Key::ctrl('w'), Key::alt(K::Backspace)], Action::DeleteWordBack, "delete the word before the cursor"),
    bind(F, &[Key::ctrl('u')], Action::ClearField, "clear the field"),
    bind(F, &[Key::alt(K::Enter), Key::ctrl('j')], Action::NewLine, "new line in a long text"),
    bind(F, &[Key::ctrl('n')], Action::AddRow, "add a row to this section (barrier, resource, check-in)"),
    bind(F, &[Key::ctrl('d')], Action::DeleteRow, "delete this row"),
    bind(F, &[Key::ctrl_key(K::Up)], Action::MoveRowUp, "move this row up"),
    bind(F, &[Key::ctrl_key(K::Down)], Action::MoveRowDown, "move this row down"),
    bind(F, &[Key::ctrl('e')], Action::EditInEditor, "edit this text in $EDITOR"),
    bind(F, &[Key::ctrl('c')], Action::Quit, "quit (asks first if the form has changes)"),
    hint(C, &[Key::ch('y'), Key::plain(K::Enter)], Action::Confirm, "yes"),
    hint(C, &[Key::ch('n')], Action::Deny, "no"),
    bind(C, &[Key::plain(K::Esc)], Action::Dismiss, "close the question"),
    bind(&[Layer::Goals], &[Key::ch('C')], Action::ChooseConflicts, "choose between merged values"),
    bind(C, &[Key::ctrl('c')], Action::Quit, "quit"),
    hint(H, &[Key::ch('?'), Key::plain(K::Esc), Key::ch('q')], Action::ToggleHelp, "close help"),
    bind(H, &[Key::ch('j'), Key::plain(K::Down)], Action::MoveDown, "scroll down"),
    bind(H, &[Key::ch('k'), Key::plain(K::Up)], Action::MoveUp, "scroll up"),
    bind(H, &[Key::ctrl('c')], Action::Quit, "quit"),
];
