//! The keys of an open form: typing and moving within and between fields and pages, rows,
//! the external editor, submitting through the commit path, and closing (asking first when
//! something was typed, so a form is never thrown away by a stray Esc).

use super::action::{Action, Effect};
use super::core::Core;
use super::forms::{FieldEdit, FieldKind, FormKind, Submitted};
use super::overlay::{Answer, Overlay};
use crate::keymap::Layer;

/// Carries out `action` on the open form.
pub fn update(core: &mut Core, action: Action) -> Effect {
    match action {
        Action::Submit => return submit(core),
        Action::Cancel => return close(core, false),
        Action::Quit => return close(core, true),
        Action::EditInEditor => return edit_externally(core),
        Action::EditorDone(result) => take_external_text(core, result),
        Action::AddRow => row_op(
            core,
            |f| f.add_row(),
            "Rows are added in a section: move to its heading or a row.",
        ),
        Action::DeleteRow => row_op(
            core,
            |f| f.delete_row(),
            "Only rows of a section can be deleted.",
        ),
        Action::MoveRowUp => row_op(core, |f| f.move_row(-1), "This row is already at the top."),
        Action::MoveRowDown => row_op(
            core,
            |f| f.move_row(1),
            "This row is already at the bottom.",
        ),
        other => move_or_type(core, other),
    }
    Effect::None
}

/// Moving between fields and pages, and editing the focused field.
fn move_or_type(core: &mut Core, action: Action) {
    let Some(form) = core.form_mut() else {
        return;
    };
    let edit = match action {
        Action::NextField => return form.next_field(),
        Action::PrevField => return form.prev_field(),
        Action::NextPage => {
            return {
                form.step_page(1);
            };
        }
        Action::PrevPage => {
            return {
                form.step_page(-1);
            };
        }
        Action::ShowPage(page) => return form.show_page(usize::from(page)),
        Action::Insert(text) => FieldEdit::Insert(text),
        Action::NewLine => FieldEdit::NewLine,
        Action::DeleteBack => FieldEdit::DeleteBack,
        Action::DeleteForward => FieldEdit::DeleteForward,
        Action::DeleteWordBack => FieldEdit::DeleteWordBack,
        Action::ClearField => FieldEdit::Clear,
        Action::CursorLeft => FieldEdit::Left,
        Action::CursorRight => FieldEdit::Right,
        Action::WordLeft => FieldEdit::WordLeft,
        Action::WordRight => FieldEdit::WordRight,
        Action::CursorHome => FieldEdit::Home,
        Action::CursorEnd => FieldEdit::End,
        _ => return,
    };
    form.edit(edit);
    let today = core.today();
    let plan = core.doc.plan();
    if let Some(Overlay::Form(form)) = core.overlay.as_mut() {
        super::forms::live::refresh(form, plan, today);
    }
}

/// Runs a row operation on the open form; says why when it did nothing.
fn row_op(core: &mut Core, op: impl FnOnce(&mut super::forms::Form) -> bool, why_not: &str) {
    if let Some(form) = core.form_mut()
        && !op(form)
    {
        core.info(why_not);
    }
}

/// Closes the form. With something typed into it, asks first; "no" goes back to the form.
/// `quitting` (Ctrl-c) quits the app when nothing was typed.
fn close(core: &mut Core, quitting: bool) -> Effect {
    let Some(Overlay::Form(form)) = core.overlay.take() else {
        return Effect::None;
    };
    if !form.edited {
        return if quitting { Effect::Quit } else { Effect::None };
    }
    let yes = core.key(Layer::Confirm, &Action::Confirm);
    let no = core.key(Layer::Confirm, &Action::Deny);
    let text = format!(
        "“{}” has changes that are not saved. Throw them away? ({yes} discards, {no} goes back to the form)",
        form.title
    );
    core.ask(text, Answer::Discard(form));
    Effect::None
}

/// Saves the open form through the commit path, or leaves it open with its errors shown.
fn submit(core: &mut Core) -> Effect {
    let Some(Overlay::Form(mut form)) = core.overlay.take() else {
        return Effect::None;
    };
    if form.kind == FormKind::WriteCopy {
        return match super::forms::prompts::submit_write_copy(&mut form) {
            Submitted::WriteCopy(path) => Effect::WriteCopy(path),
            _ => reopen(core, form),
        };
    }
    let today = core.today();
    if let Some((at, said)) = super::forms::live::late_date(&form, core.doc.plan(), today) {
        let typed = form.fields[at].shown_value().to_string();
        if form.warned.as_deref() != Some(typed.as_str()) {
            form.warned = Some(typed);
            form.set_error_at(at, said);
            return reopen(core, form);
        }
    }
    let mut refused = None;
    let committed = core.commit_with(|plan| match super::forms::submit(&mut form, plan, today) {
        Submitted::Change(change) => Some(change),
        other => {
            refused = Some(other);
            None
        }
    });
    match refused {
        Some(Submitted::Invalid) => reopen(core, form),
        Some(Submitted::Journey(stage)) => super::guided::open_picked(core, stage),
        Some(_) => {
            core.error("That item is gone (deleted or undone); nothing was saved.");
            Effect::None
        }
        None => {
            if committed.applied {
                super::guided::after_submit(core, &form.kind);
            }
            committed.into()
        }
    }
}

fn reopen(core: &mut Core, form: Box<super::forms::Form>) -> Effect {
    core.overlay = Some(Overlay::Form(form));
    Effect::None
}

/// Asks the loop to open the focused long-text field in `$EDITOR`.
fn edit_externally(core: &mut Core) -> Effect {
    let Some(field) = core.form_mut().and_then(|f| f.focused()) else {
        return Effect::None;
    };
    if field.kind != FieldKind::LongText {
        let key = core.key(Layer::Form, &Action::EditInEditor);
        core.info(format!(
            "{key} works on long text fields: descriptions, reasons and notes."
        ));
        return Effect::None;
    }
    Effect::EditText(field.input.value().to_string())
}

/// Puts the text back from the external editor into the focused field.
fn take_external_text(core: &mut Core, result: Result<String, String>) {
    match result {
        Ok(text) => {
            if let Some(form) = core.form_mut() {
                form.set_focused_text(text.trim_end_matches('\n'));
            }
        }
        Err(why) => core.error(why),
    }
}
