//! What every screen shares: the plan and its history (`Doc`), the screen on show, the
//! overlay, the status line, the session (today, the save state, the terminal) and the
//! settings. Here is the one commit path: every change to the plan passes `commit`, which
//! refuses in a read-only instance, records the change for undo, says what happened and asks
//! the loop to save. Nothing changes the plan any other way.

use super::action::{Action, Effect, Screen};
use super::change::Change;
use super::doc::Doc;
use super::forms::Form;
use super::overlay::{Answer, Overlay, Question};
use crate::keymap::{Keymap, Layer};
use crate::model::view::Scope;
use crate::model::{ItemId, Plan};
use chrono::NaiveDate;
use std::path::PathBuf;

/// How a status message should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Error,
}

/// A one-line message for the status bar, until the next key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub kind: StatusKind,
}

/// Where today's date comes from while the app runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Clock {
    /// A day given on the command line (`--today`), or a test's: it never moves.
    #[default]
    Fixed,
    /// The local clock: today moves on at midnight while the app stays open.
    Local,
}

impl Clock {
    /// Today by this clock; `None` for a fixed day.
    pub fn today(self) -> Option<NaiveDate> {
        match self {
            Clock::Fixed => None,
            Clock::Local => Some(chrono::Local::now().date_naive()),
        }
    }
}

/// This run of the app: the day, the save state and the terminal.
#[derive(Debug, Default)]
pub struct Session {
    pub today: NaiveDate,
    /// The Goals screen gives the selected item's details all but a strip of the tree.
    pub details_zoomed: bool,
    /// Where `today` comes from.
    pub clock: Clock,
    /// Why this instance cannot save (another one holds the lock).
    pub read_only: Option<String>,
    /// The last save failure, shown until a save succeeds.
    pub save_error: Option<String>,
    /// Where our version went when the file changed outside (shown until it is settled).
    pub conflict_copy: Option<PathBuf>,
    /// A line to print on the plain terminal once the app has closed.
    pub farewell: Option<String>,
    /// Where the data lives, for the title bar ("demo" for the sample plan).
    pub location: String,
    /// The terminal size (columns, rows).
    pub size: (u16, u16),
    /// Where unsaved changes are rescued to when a save keeps failing: the home directory
    /// (often another disk than a full data directory), else the temp directory.
    pub rescue_dir: PathBuf,
    /// No shell with job control could bring a stopped goalcoach back (as under `ssh -t
    /// host goalcoach`), so suspending is refused with a word.
    pub no_job_control: bool,
}

/// The person's settings, from the configuration file.
#[derive(Debug)]
pub struct Settings {
    /// The keys in force: the defaults, changed by the configuration.
    pub keymap: Keymap,
    /// The style of each role (dark or light theme, with the config's colours over it).
    pub palette: crate::ui::theme::Palette,
    /// Whether to draw in colour (off when `NO_COLOR` is set); emphasis stays either way.
    pub colour: bool,
    /// The first day of the week, for the agenda.
    pub week_start: chrono::Weekday,
    /// How dates are written on screen (a strftime pattern, checked when read).
    pub date_format: String,
    /// The weekday the weekly review belongs to, unless the plan names its own.
    pub review_day: chrono::Weekday,
    /// How often the step back comes round.
    pub step_back: crate::model::stepback::Cadence,
    /// This computer's name in sync, so a conflict can say which value is whose.
    pub device: String,
    /// The calendar folder and reminders (`[calendar]`).
    pub calendar: crate::calendar::config::CalendarConfig,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            keymap: Keymap::default(),
            palette: crate::ui::theme::Palette::dark(),
            colour: true,
            week_start: chrono::Weekday::Mon,
            date_format: crate::config::DEFAULT_DATE_FORMAT.to_string(),
            review_day: chrono::Weekday::Sun,
            device: crate::sync::device::name(None),
            calendar: crate::calendar::config::CalendarConfig::default(),
            step_back: crate::model::stepback::Cadence::Quarterly,
        }
    }
}

/// What the commit path did with a change: applied it (then the loop saves), or not (read-
/// only, nothing to do, or refused by the plan, each said on the status line).
#[must_use]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Committed {
    pub applied: bool,
}

impl From<Committed> for Effect {
    fn from(committed: Committed) -> Effect {
        if committed.applied {
            Effect::Save
        } else {
            Effect::None
        }
    }
}

/// What a screen's derived rows depend on: the plan's revision, the view's and the day.
pub type ViewKey = (u64, u64, NaiveDate);

/// Everything but the screens' own state.
#[derive(Debug)]
pub struct Core {
    pub doc: Doc,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    pub session: Session,
    pub settings: Settings,
    /// The item the last change asked to select; the screens take it when they settle.
    pub focus: Option<ItemId>,
    /// What the screens show (done hidden, a narrowing); change it with `set_scope`.
    pub scope: Scope,
    /// Counts changes of `scope`, so screens know to work their rows out again.
    scope_revision: u64,
}

impl Core {
    /// A core over `plan` on `today`, on the Goals screen.
    pub fn new(plan: Plan, today: NaiveDate) -> Core {
        Core {
            doc: Doc::new(plan),
            screen: Screen::Goals,
            overlay: None,
            status: None,
            session: Session {
                today,
                size: (80, 24),
                rescue_dir: std::env::temp_dir(),
                ..Session::default()
            },
            settings: Settings::default(),
            focus: None,
            scope: Scope::default(),
            scope_revision: 0,
        }
    }

    /// What the screens' rows are worked out from; when it changes, they are again.
    pub fn view_key(&self) -> ViewKey {
        (self.doc.revision(), self.scope_revision, self.today())
    }

    /// Shows the plan as `scope` says from now on (the screens work their rows out again).
    pub fn set_scope(&mut self, scope: Scope) {
        self.scope = scope;
        self.scope_revision += 1;
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        self.doc.plan()
    }

    /// Today.
    pub fn today(&self) -> NaiveDate {
        self.session.today
    }

    /// The weekday the weekly review belongs to: the plan's own choice, else the setting.
    pub fn review_day(&self) -> chrono::Weekday {
        self.plan()
            .profile
            .review_weekday()
            .unwrap_or(self.settings.review_day)
    }

    /// The title bar's tabs, each screen's key (from the keymap) and name, in Tab order,
    /// with the place of the one on show.
    pub fn tabs(&self) -> (Vec<crate::layout::Tab<'static>>, usize) {
        let tabs = Screen::ALL
            .iter()
            .map(|s| (self.key(Layer::Global, &Action::ShowScreen(*s)), s.title()))
            .collect();
        let current = Screen::ALL.iter().position(|s| *s == self.screen);
        (tabs, current.unwrap_or(0))
    }

    /// The first key of `action` in `layer` as help writes it, for text that names a key.
    pub fn key(&self, layer: Layer, action: &Action) -> String {
        self.settings.keymap.key_for(layer, action)
    }

    /// Shows an informational message.
    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            kind: StatusKind::Info,
        });
    }

    /// Shows an error message.
    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            kind: StatusKind::Error,
        });
    }

    /// Refuses a change in a read-only instance, saying why; `true` when refused.
    pub fn refuse_read_only(&mut self) -> bool {
        match self.session.read_only.clone() {
            Some(holder) => {
                self.error(format!("Read-only: {holder}."));
                true
            }
            None => false,
        }
    }

    /// The one commit path: applies `change` through the history, selects what it asks,
    /// says what it says, and asks for a save. Refused (with the reason shown) when
    /// read-only; an edit the plan rejects is reported and changes nothing.
    pub fn commit(&mut self, change: Change) -> Committed {
        self.commit_with(|_| Some(change))
    }

    /// `commit` for a change that needs fresh ids: `build` runs only once the read-only
    /// check has passed, so a refused change takes nothing from the plan. `None` from
    /// `build` means there was nothing to do.
    pub fn commit_with(&mut self, build: impl FnOnce(&mut Plan) -> Option<Change>) -> Committed {
        let not_applied = Committed { applied: false };
        if self.refuse_read_only() {
            return not_applied;
        }
        let Some(mut change) = self.doc.with_new_ids(build) else {
            return not_applied;
        };
        let today = self.today();
        let edit = &mut change.edit;
        let unexplained =
            crate::model::adapt::stamp(self.doc.plan(), &mut edit.op, today, &change.why);
        match self.doc.apply(change.edit.op, &change.edit.label) {
            Ok(()) => {
                self.focus = change.select.or(self.focus);
                if let Some(message) = change.edit.note {
                    self.info(message);
                }
                if let Some(goal) = unexplained.first() {
                    self.ask_why(*goal);
                }
                Committed { applied: true }
            }
            Err(e) => {
                self.error(format!("Could not {}: {e}", change.edit.label));
                not_applied
            }
        }
    }

    /// Walks the history one step back (undo) or forward (redo) and says what it did.
    pub fn travel(&mut self, back: bool) -> Effect {
        if self.refuse_read_only() {
            return Effect::None;
        }
        let (done, verb, noun) = if back {
            (self.doc.undo(), "Undid", "undo")
        } else {
            (self.doc.redo(), "Redid", "redo")
        };
        match done {
            Some(label) => {
                self.info(format!("{verb}: {label}."));
                Effect::Save
            }
            None => {
                self.info(format!("Nothing to {noun}."));
                Effect::None
            }
        }
    }

    /// Opens `form` over the screen, unless this instance is read-only.
    pub fn open_form(&mut self, form: Form) -> Effect {
        if !self.refuse_read_only() {
            self.overlay = Some(Overlay::Form(Box::new(form)));
        }
        Effect::None
    }

    /// Asks why the goal changed course, in a one-line form, unless a form is open already.
    fn ask_why(&mut self, goal: ItemId) {
        let skip = self.key(Layer::Form, &Action::Cancel);
        let form = self
            .plan()
            .goal(goal)
            .and_then(|g| crate::app::forms::coach::why(g, self.today(), &skip));
        if let (Some(form), None) = (form, &self.overlay) {
            self.overlay = Some(Overlay::Form(Box::new(form)));
        }
    }

    /// Asks a yes/no question.
    pub fn ask(&mut self, text: String, on_yes: Answer) {
        self.overlay = Some(Overlay::Question(Question { text, on_yes }));
    }

    /// The open form, to edit.
    pub fn form_mut(&mut self) -> Option<&mut Form> {
        match self.overlay.as_mut() {
            Some(Overlay::Form(form)) => Some(form),
            _ => None,
        }
    }
}
