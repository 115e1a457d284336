//! What the user means, independent of the key that said it (`Action`), which screen they
//! mean (`Screen`), and what the loop must do afterwards (`Effect`). The keymap turns keys
//! into actions; `update` carries them out.

/// Every screen, in Tab order, one line each: its `Screen` variant, its module — the same
/// name holds its state in `app/screens/` and its drawing in `ui/` — its state's type and
/// the title on its tab. Adding a screen is a line here, those two files and its rows in
/// `keymap/table.rs`; the `Screen` enum, the screens' state and routing
/// (`app/screens/mod.rs`) and the drawing's dispatch (`ui/mod.rs`) are made from this list.
/// `$then` is the macro that is handed the list.
macro_rules! with_screens {
    ($then:ident) => {
        $then! {
            Goals goals GoalsScreen "Goals",
            Agenda agenda AgendaScreen "Agenda",
            Priorities priorities PrioritiesScreen "Priorities",
            Review review ReviewScreen "Review",
            Profile profile ProfileScreen "Profile",
            Timeline timeline TimelineScreen "Timeline",
        }
    };
}
pub(crate) use with_screens;

/// Makes `Screen` from the list.
macro_rules! screen_enum {
    ($($variant:ident $module:ident $state:ident $title:literal,)*) => {
        /// The screens, in Tab order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Screen {
            $($variant,)*
        }

        impl Screen {
            /// All screens in order; the number keys pick them by position.
            pub const ALL: &[Screen] = &[$(Screen::$variant,)*];

            /// The screen's name on its tab.
            pub fn title(self) -> &'static str {
                match self {
                    $(Screen::$variant => $title,)*
                }
            }
        }
    };
}
with_screens!(screen_enum);

impl Screen {
    fn position(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The screen `step` places further in Tab order, wrapping.
    pub fn step(self, step: isize) -> Screen {
        let n = Screen::ALL.len() as isize;
        Screen::ALL[(self.position() as isize + step).rem_euclid(n) as usize]
    }
}

/// What the loop must do after an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Open this text in the external editor; the result comes back as `EditorDone`.
    EditText(String),
    /// The plan changed: write it to disk before the next key.
    Save,
    /// How the screens show the plan changed: keep it for the next start.
    SaveView,
    /// Read the plan again from disk.
    Reload,
    /// Write the plan to this file (a copy; plan.json is not touched).
    WriteCopy(std::path::PathBuf),
    /// Write the brief for a 1:1 into `briefs/` beside the plan.
    WriteBrief,
    /// Save, sync through git (this instance holds the lock), then read the plan again.
    Sync,
    /// Save, sync with the calendar folder, then read the plan again.
    CalendarSync,
    /// Write the unsaved plan to this file, then quit if that worked.
    RescueAndQuit(std::path::PathBuf),
    /// Put our version, kept in this conflict copy, back in place of plan.json.
    BringBack(std::path::PathBuf),
    /// Merge a file-sync tool's conflict copy into the plan, then move it into backups/.
    MergeCopy(std::path::PathBuf),
    /// Save the merged plan, then move the merged conflict copy into backups/ and say `said`.
    PutAway {
        copy: std::path::PathBuf,
        said: String,
    },
    /// Look for conflict copies a file-sync tool left beside the plan (at start).
    LookForCopies,
    /// Give the terminal back and stop until continued.
    Suspend,
    Quit,
    /// Show this item in the tree on the Goals screen (handled by `update`; never reaches the
    /// loop).
    ShowInTree(crate::model::ItemId),
}

/// An intent. Variants are named for what the user wants, never for a key.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    // Moving around the tree.
    /// Select the next visible row.
    MoveDown,
    /// Select the previous visible row.
    MoveUp,
    /// Fold the selected item, or go to its parent when already folded.
    Collapse,
    /// Unfold the selected item, or go to its first child when already unfolded.
    Expand,
    /// Select the first row.
    Top,
    /// Select the last row.
    Bottom,
    /// Move a page up.
    PageUp,
    /// Move a page down.
    PageDown,

    // Editing the plan.
    /// Open the prompt for a new goal.
    NewGoal,
    /// Add under the selection: a milestone under a goal, a step under a milestone, a sibling
    /// step next to a step.
    AddChild,
    /// Add a step straight under the selected goal (no milestone).
    AddStep,
    /// Open the selected item: its editor in the tree, its place in the tree elsewhere.
    Open,
    /// Open the selected item's editor.
    Edit,
    /// Give the selected step, milestone or goal a new date.
    Reschedule,
    /// Cycle the selected step's (or goal's) importance 1 → 2 → 3 → 1.
    CycleImportance,
    /// Cycle the selected step's (or goal's) urgency 1 → 2 → 3 → 1.
    CycleUrgency,
    /// Mark the selected step, milestone or goal done, or open again.
    ToggleDone,
    /// Ask to delete the selected item and everything under it.
    Delete,
    /// Move the selected item one place down among its siblings.
    MoveItemDown,
    /// Move the selected item one place up among its siblings.
    MoveItemUp,
    /// Record a check-in on the selected goal.
    CheckIn,
    /// Cycle the selected goal's status: active, on hold, dropped.
    CycleStatus,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Read the plan again from disk (after it changed behind goalcoach's back).
    Reload,
    /// Try the save again (after it failed).
    SaveAgain,
    /// Write a copy of the whole plan to a file of the user's choice.
    WriteCopy,

    // Search.
    /// Start typing a search.
    StartSearch,
    /// Jump to the next match.
    NextMatch,
    /// Jump to the previous match.
    PrevMatch,
    /// Keep the filter and go back to the tree.
    AcceptSearch,
    /// Clear the search and show the whole tree.
    ClearSearch,

    // Screens and overlays.
    /// Switch to a screen.
    ShowScreen(Screen),
    /// Switch to the next screen.
    NextScreen,
    /// Switch to the previous screen.
    PrevScreen,
    /// Show or hide the key help.
    ToggleHelp,
    /// Leave goalcoach.
    Quit,
    /// Give the terminal back to the shell for a while (like Ctrl-z in any program).
    Suspend,

    // Forms and prompts.
    /// Focus the next field.
    NextField,
    /// Focus the previous field.
    PrevField,
    /// Save the form.
    Submit,
    /// Close the form or prompt (asking first when something was typed into it).
    Cancel,
    /// Show the next page of a paged form (the goal editor's sections).
    NextPage,
    /// Show the previous page of a paged form.
    PrevPage,
    /// Show page N (from 0) of a paged form.
    ShowPage(u8),
    /// Start a new line in a long text.
    NewLine,
    /// Delete the word before the cursor.
    DeleteWordBack,
    /// Empty the focused field.
    ClearField,
    /// Move the cursor to the start of the previous word.
    WordLeft,
    /// Move the cursor past the end of the next word.
    WordRight,
    /// Type text at the cursor.
    Insert(String),
    /// Delete the character before the cursor.
    DeleteBack,
    /// Delete the character under the cursor.
    DeleteForward,
    /// Move the cursor (or, on a choice field, pick the previous choice).
    CursorLeft,
    /// Move the cursor (or, on a choice field, pick the next choice).
    CursorRight,
    /// Move the cursor to the start of the field.
    CursorHome,
    /// Move the cursor to the end of the field.
    CursorEnd,
    /// Add a row to the focused section of a form (a barrier, resource, check-in).
    AddRow,
    /// Delete the focused row of a form.
    DeleteRow,
    /// Move the focused row up within its section.
    MoveRowUp,
    /// Move the focused row down within its section.
    MoveRowDown,
    /// Edit the focused long text in `$EDITOR`.
    EditInEditor,
    /// The external editor finished: the new text, or why it failed.
    EditorDone(Result<String, String>),

    // Confirmation.
    /// Answer yes.
    Confirm,
    /// Answer no.
    Deny,
    /// Close the question without answering (for most questions the same as no).
    Dismiss,
    /// Go through what a merge left to choose, one conflict at a time.
    ChooseConflicts,

    // The weekly review.
    /// Start this week's review, or resume it.
    StartReview,
    /// Go on to the next stage (or, on a goal, keep it as it is and go to the next goal).
    ReviewNext,
    /// Go back one stage.
    ReviewBack,
    /// Decide about the goal under review.
    Decide(crate::model::review::Decision),
    /// Pick or unpick a step as a commitment for next week.
    ToggleCommitment,
    /// Write the week's reflection.
    EditReflection,
    /// Finish and save the review.
    FinishReview,
    /// Skip this week's review on purpose.
    SkipWeek,
    /// Log the selected win in the profile's achievements.
    LogAchievement,
    /// Log the selected done milestone or step as an achievement.
    Promote,

    // The career profile.
    /// Open the previous profile section.
    PrevSection,
    /// Open the next profile section.
    NextSection,
    /// Edit the open profile section.
    EditSection,
    /// Add an entry to the open profile section.
    AddEntry,
    /// Delete the selected entry of the open profile section (asks first).
    DeleteEntry,
    /// Turn the selected feedback into an action step under its goal, or the selected SWOT
    /// threat into a barrier on a goal.
    FeedbackToStep,
    /// Make a goal of the selected entry: a growth area, an interest, a SWOT opportunity or a
    /// career path's first experiment.
    EntryToGoal,
    /// Show career paths side by side, or as a list.
    ToggleCompare,
    /// Go through a stage of the guided start again.
    Journey,
    /// Start or resume the monthly or quarterly step back.
    StepBack,
    /// Write the brief for a 1:1 (the last four weeks) to a file beside the plan.
    WriteBrief,
    /// Sync the plan with the other computers through git (what `goalcoach sync` does).
    Sync,
    /// Sync with the calendar folder, and so the phone (what `goalcoach calendar sync` does).
    CalendarSync,

    // What the screens show.
    /// Hide done and dropped items on every screen, or show them again (remembered).
    ToggleHideDone,
    /// Narrow the goals in view: all, short-term, long-term, then each tag (remembered).
    NextNarrow,
    /// Make the selected item's goal a focus goal, or not.
    ToggleFocus,
    /// Put a finished or dropped goal away (out of the tree, still searchable), or back.
    Archive,
    /// Switch the screen's view: steps or goals on Priorities, weeks or months on Timeline.
    SwitchView,
    /// Scroll the timeline back in time.
    Earlier,
    /// Scroll the timeline on in time.
    Later,
    /// Bring today back into the middle of the timeline.
    GoToToday,

    /// What a piece of file work found (`effects` hands it back; never from a key).
    Reply(Box<super::outcome::Outcome>),

    /// The terminal changed size.
    Resize(u16, u16),
    /// A left click at (column, row).
    Click(u16, u16),
    /// The mouse wheel turned: positive is down.
    Scroll(i8),
}
