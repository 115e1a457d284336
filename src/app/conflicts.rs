//! Choosing between what two devices wrote: the conflicts a merge left in the plan, asked one
//! at a time, each value named by the device that wrote it (yes takes the waiting value, no
//! keeps the one in place, Esc decides later), and the conflict copies a file-sync tool left beside the plan, offered for merging
//! at start.

use super::action::{Action, Effect};
use super::change::Change;
use super::core::Core;
use super::overlay::Answer;
use crate::app::action::Screen;
use crate::keymap::Layer;
use crate::model::Choice;
use crate::model::conflict::ConflictKind;
use crate::model::settle::{self, value_text};
use std::path::{Path, PathBuf};

/// Asks about the first open conflict, or says there is none.
pub fn ask_next(core: &mut Core) {
    if core.plan().conflicts.is_empty() {
        core.info("Nothing to choose: no merge left two values side by side.");
        return;
    }
    ask(core, 0);
}

/// Asks about conflict `index`; the line under the question says what yes and no do.
fn ask(core: &mut Core, index: usize) {
    let plan = core.plan();
    let c = &plan.conflicts[index];
    let count = plan.conflicts.len();
    let of = if count > 1 {
        format!(" ({} of {count})", index + 1)
    } else {
        String::new()
    };
    let later = format!(
        "{} decides later.",
        core.key(Layer::Confirm, &Action::Dismiss)
    );
    let deletion = c.kind == ConflictKind::DeletedElsewhere;
    let sides = c.sides(&core.settings.device);
    let text = if deletion {
        format!(
            "{}{of}\n\nIt was deleted on one device while it (or something under it) was \
             changed on the other, so it is kept. {later}",
            c.describe(plan)
        )
    } else {
        format!(
            "{}{of}\n\n{} (in place):  {}\n{}:  {}\n\n{later}",
            c.describe(plan),
            crate::model::text::capitalise(&sides.kept),
            value_text(&c.kept),
            crate::model::text::capitalise(&sides.other),
            value_text(&c.other),
        )
    };
    core.ask(
        text,
        Answer::ChooseConflict {
            index,
            deletion,
            sides,
        },
    );
}

/// Settles conflict `index`, then asks about the next one.
pub fn choose(core: &mut Core, index: usize, choice: Choice) -> Effect {
    let op = match settle::choose(core.plan(), index, choice) {
        Ok(op) => op,
        Err(e) => {
            core.error(format!("Could not settle it: {e}"));
            return Effect::None;
        }
    };
    let left = core.plan().conflicts.len().saturating_sub(1);
    let message = match left {
        0 => "Settled; nothing left to choose.".to_string(),
        n => format!(
            "Settled; {} left.",
            crate::model::text::plural(n, "conflict")
        ),
    };
    let committed = core.commit(Change::new(op, "choose a merged value").saying(message));
    if left > 0 && core.overlay.is_none() && committed.applied {
        ask(core, 0);
    }
    committed.into()
}

/// Offers to merge the conflict copy at `path` into the plan.
pub fn offer_copy(core: &mut Core, path: PathBuf, tool: &str) {
    let text = format!(
        "{tool} left another device's version of the plan beside it:\n{}\n\nMerge it into \
         your plan? Both sides' goals and steps are kept; where the two differ, the other \
         value waits for you to choose (press {} on the Goals screen). The copy then moves \
         into backups/.",
        path.display(),
        core.key(Layer::Screen(Screen::Goals), &Action::ChooseConflicts),
    );
    core.ask(text, Answer::MergeCopy(path));
}

/// Yes to merging a copy: the file work happens in `effects`.
pub fn merge_copy(core: &mut Core, path: &Path) -> Effect {
    if core.refuse_read_only() {
        return Effect::None;
    }
    Effect::MergeCopy(path.to_path_buf())
}
