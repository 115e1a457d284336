//! Everything a user would call "where I am": the plan, the screen, the selection, what is
//! folded, the open form, question or help, the search, and the status line. The top layer
//! is worked out from this state, never stored beside it.

use super::form::Form;
use super::input::TextInput;
use super::lists::{self, ListSel};
use super::tree::{Row, TreeFilter, fill_visible_rows};
use crate::keymap::Layer;
use crate::model::{ActionStep, History, ItemId, ItemKind, Loc, Plan};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

use crate::model::ids::BuildIdHasher;

/// The screens, in Tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    Goals,
    Agenda,
    Priorities,
    Review,
    Profile,
}

impl Screen {
    /// All screens in order; the number keys pick them by position.
    pub const ALL: [Screen; 5] = [
        Screen::Goals,
        Screen::Agenda,
        Screen::Priorities,
        Screen::Review,
        Screen::Profile,
    ];

    /// The screen's name on its tab.
    pub fn title(self) -> &'static str {
        match self {
            Screen::Goals => "Goals",
            Screen::Agenda => "Agenda",
            Screen::Priorities => "Priorities",
            Screen::Review => "Review",
            Screen::Profile => "Profile",
        }
    }

    fn position(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The screen `step` places further in Tab order, wrapping.
    pub fn step(self, step: isize) -> Screen {
        let n = Screen::ALL.len() as isize;
        Screen::ALL[(self.position() as isize + step).rem_euclid(n) as usize]
    }
}

/// What a form is for, and so what saving it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormPurpose {
    NewGoal,
    /// A milestone or step under `parent`, at `index` among its siblings.
    NewChild {
        parent: ItemId,
        kind: ItemKind,
        index: usize,
    },
    EditGoal(ItemId),
    EditMilestone(ItemId),
    EditStep(ItemId),
    CheckIn(ItemId),
    /// A new date for a step (due), milestone (target) or goal (deadline).
    Reschedule(ItemId),
    /// A file to write a copy of the whole plan to.
    WriteCopy,
    /// The weekly review's reflection prompts.
    Reflection,
    /// One section of the profile (an index into `profile::SECTIONS`).
    Profile(usize),
    /// The guided first pass of an empty profile.
    FirstPass,
}

/// A form about an item of the plan.
pub type ItemForm = Form<FormPurpose>;

/// A yes/no question and what "yes" does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub text: String,
    pub on_yes: Answer,
}

/// What a confirmed question does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Delete(ItemId),
    /// Quitting with changes that did not reach the disk: yes writes them to this file first.
    RescueAndQuit(std::path::PathBuf),
    /// The file changed outside: yes loads it (ours is kept in the conflict copy).
    LoadOutsideVersion,
    /// After loading the outside version: yes puts ours (this conflict copy) back.
    BringBackOurs(std::path::PathBuf),
}

impl Answer {
    /// The heading of the box the question is asked in.
    pub fn title(&self) -> &'static str {
        match self {
            Answer::Delete(_) => " Are you sure? ",
            Answer::RescueAndQuit(_) => " Not saved ",
            Answer::LoadOutsideVersion | Answer::BringBackOurs(_) => " Changed outside goalcoach ",
        }
    }
}

/// The search text and whether it is still being typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    pub input: TextInput,
    pub typing: bool,
}

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

/// The whole state of the app.
#[derive(Debug)]
pub struct AppState {
    pub plan: Plan,
    pub history: History,
    pub today: NaiveDate,
    /// Where `today` comes from.
    pub clock: Clock,
    pub screen: Screen,
    pub collapsed: HashSet<ItemId>,
    /// Where each item sits; rebuilt when the plan changes (see `plan_changed`).
    index: HashMap<ItemId, Loc, BuildIdHasher>,
    /// All titles in one buffer for searching, built on the first search after a change.
    title_text: Option<super::tree::TitleText>,
    /// The Agenda rows, worked out when the Agenda screen needs them after a change.
    agenda_cache: Option<Vec<lists::AgendaRow>>,
    /// The Priorities boxes, worked out when that screen needs them after a change.
    matrix_cache: Option<[Vec<ItemId>; 4]>,
    /// This week's review draft, worked out when the Review screen needs it after a change.
    review_cache: Option<crate::model::weekly::Draft>,
    /// The visible tree rows; derived from the plan, folds and search by `refresh_rows`.
    pub rows: Vec<Row>,
    pub selected: Option<ItemId>,
    /// The index of the selection in `rows`.
    pub cursor: usize,
    /// The first tree row on screen.
    pub tree_offset: usize,
    /// The selection on the Agenda screen.
    pub agenda: ListSel,
    /// The box picked on the Priorities screen (index into `Quadrant::ALL`).
    pub quadrant: usize,
    /// The selection inside each box of the Priorities screen.
    pub matrix: [ListSel; 4],
    pub search: Option<Search>,
    pub form: Option<ItemForm>,
    pub question: Option<Question>,
    /// `Some(scroll)` while the help overlay is open.
    pub help: Option<u16>,
    pub status: Option<Status>,
    /// Why this instance cannot save (another one holds the lock).
    pub read_only: Option<String>,
    /// The last save failure, shown until a save succeeds.
    pub save_error: Option<String>,
    /// Where our version went when the file changed outside (shown until it is settled).
    pub conflict_copy: Option<std::path::PathBuf>,
    /// A line to print on the plain terminal once the app has closed (where unsaved changes
    /// were rescued to).
    pub farewell: Option<String>,
    /// Where the data lives, for the title bar ("demo" for the sample plan).
    pub location: String,
    /// The terminal size (columns, rows).
    pub size: (u16, u16),
    /// Whether to draw in colour (off when `NO_COLOR` is set); emphasis stays either way.
    pub colour: bool,
    /// The keys in force: the defaults, changed by the user's configuration.
    pub keymap: crate::keymap::Keymap,
    /// Colours for a dark or light background.
    pub theme: crate::config::Theme,
    /// The first day of the week, for the agenda.
    pub week_start: chrono::Weekday,
    /// How dates are written on screen (a strftime pattern, checked when read).
    pub date_format: String,
    /// The weekday the weekly review belongs to.
    pub review_day: chrono::Weekday,
    /// The row picked on the Review screen (in the current stage, or in the history).
    pub review_cursor: usize,
    /// The open section of the Profile screen.
    pub profile_section: usize,
    /// The row picked in the open profile section.
    pub profile_row: usize,
    /// Whether career paths are shown side by side.
    pub profile_compare: bool,
    /// Whether the guided first pass was offered this session (it is offered once).
    pub first_pass_offered: bool,
}

impl AppState {
    /// A fresh state over `plan`, on the Goals screen with the first row selected.
    pub fn new(plan: Plan, today: NaiveDate) -> Self {
        let mut state = AppState {
            plan,
            history: History::default(),
            today,
            clock: Clock::Fixed,
            screen: Screen::Goals,
            collapsed: HashSet::new(),
            index: HashMap::default(),
            title_text: None,
            agenda_cache: None,
            matrix_cache: None,
            review_cache: None,
            rows: Vec::new(),
            selected: None,
            cursor: 0,
            tree_offset: 0,
            agenda: ListSel::default(),
            quadrant: 0,
            matrix: Default::default(),
            search: None,
            form: None,
            question: None,
            help: None,
            status: None,
            read_only: None,
            save_error: None,
            conflict_copy: None,
            farewell: None,
            location: String::new(),
            size: (80, 24),
            colour: true,
            keymap: crate::keymap::Keymap::default(),
            theme: crate::config::Theme::Dark,
            week_start: chrono::Weekday::Mon,
            date_format: crate::config::DEFAULT_DATE_FORMAT.to_string(),
            review_day: chrono::Weekday::Sun,
            review_cursor: 0,
            profile_section: 0,
            profile_row: 0,
            profile_compare: false,
            first_pass_offered: false,
        };
        state.plan_changed();
        state
    }

    /// Today and the date format, for drawing dates.
    pub fn day(&self) -> crate::ui::text::Day<'_> {
        crate::ui::text::Day {
            today: self.today,
            format: &self.date_format,
        }
    }

    /// Moves today on (the clock passed midnight): dates given to new items, the agenda's
    /// buckets and the review's week follow.
    pub fn set_today(&mut self, today: NaiveDate) {
        if self.today != today {
            self.today = today;
            self.plan_changed();
        }
    }

    /// Rebuilds everything derived from the plan after it changed.
    pub fn plan_changed(&mut self) {
        self.reindex();
        self.refresh_rows();
    }

    /// Rebuilds the id index after the plan changed (the rows are refreshed separately).
    pub fn reindex(&mut self) {
        self.index.clear();
        let index = &mut self.index;
        self.plan.for_each_loc(|id, loc| {
            index.insert(id, loc);
        });
        self.title_text = None;
        self.agenda_cache = None;
        self.matrix_cache = None;
        self.review_cache = None;
    }

    /// Where the item `id` sits: from the index, checked, else by scanning the plan.
    pub fn locate(&self, id: ItemId) -> Option<Loc> {
        match self.index.get(&id) {
            Some(&loc) if self.plan.id_at(loc) == Some(id) => Some(loc),
            _ => self.plan.locate(id),
        }
    }

    /// The title of item `id` ("" when it is gone).
    pub fn title_of(&self, id: ItemId) -> &str {
        self.locate(id).map_or("", |loc| self.plan.title_at(loc))
    }

    /// The step `id`.
    pub fn step(&self, id: ItemId) -> Option<&ActionStep> {
        self.plan.step_at(self.locate(id)?)
    }

    /// The layer that has the keyboard, worked out from what is open.
    pub fn layer(&self) -> Layer {
        if self.help.is_some() {
            Layer::Help
        } else if self.question.is_some() {
            Layer::Confirm
        } else if self.form.is_some() {
            Layer::Form
        } else {
            match &self.search {
                Some(s) if s.typing => Layer::Search,
                Some(_) => Layer::Filtered,
                None if self.screen == Screen::Review => Layer::Review,
                None if self.screen == Screen::Profile => Layer::Profile,
                None => Layer::Main,
            }
        }
    }

    /// The lower-cased search text, empty without a search.
    pub fn query(&self) -> String {
        self.search
            .as_ref()
            .map(|s| s.input.value().trim().to_lowercase())
            .unwrap_or_default()
    }

    /// Rebuilds the visible rows and keeps the selection on the same item, or on the row
    /// nearest to where it was when the item is gone.
    pub fn refresh_rows(&mut self) {
        let query = self.query();
        let matched = if query.is_empty() {
            None
        } else {
            let text = self
                .title_text
                .get_or_insert_with(|| super::tree::TitleText::of(&self.plan));
            Some(text.matches(&query))
        };
        fill_visible_rows(
            &mut self.rows,
            &self.plan,
            &TreeFilter {
                collapsed: &self.collapsed,
                query: &query,
                matched: matched.as_deref(),
            },
        );
        let found = self
            .selected
            .and_then(|id| self.rows.iter().position(|r| r.id == id));
        match found {
            Some(i) => self.cursor = i,
            None => self.select_index(self.cursor),
        }
        self.scroll_to_cursor();
        self.sync_lists();
    }

    /// The Agenda rows (empty until `sync_lists` has run on the Agenda screen).
    pub fn agenda_rows(&self) -> &[lists::AgendaRow] {
        self.agenda_cache.as_deref().unwrap_or_default()
    }

    /// The Agenda rows as ids (`None` for headings), for moving the selection.
    pub fn agenda_ids(&self) -> Vec<Option<ItemId>> {
        self.agenda_rows()
            .iter()
            .map(lists::AgendaRow::id)
            .collect()
    }

    /// The step ids in each box of the Priorities screen.
    pub fn matrix(&self) -> &[Vec<ItemId>] {
        self.matrix_cache.as_ref().map_or(&[], |m| &m[..])
    }

    /// The ids in each box of the Priorities screen, for moving the selection.
    pub fn matrix_ids(&self) -> [Vec<Option<ItemId>>; 4] {
        std::array::from_fn(|q| {
            self.matrix()
                .get(q)
                .map_or(Vec::new(), |ids| ids.iter().copied().map(Some).collect())
        })
    }

    /// Works out the list of the screen on show if the plan changed since, and keeps its
    /// selection on its item.
    pub fn sync_lists(&mut self) {
        match self.screen {
            Screen::Agenda => {
                if self.agenda_cache.is_none() {
                    self.agenda_cache =
                        Some(lists::agenda_rows(&self.plan, self.today, self.week_start));
                }
                let ids = self.agenda_ids();
                self.agenda.fix(&ids);
            }
            Screen::Priorities => {
                if self.matrix_cache.is_none() {
                    self.matrix_cache = Some(lists::matrix(&self.plan, self.today));
                }
                let boxes = self.matrix_ids();
                for (sel, ids) in self.matrix.iter_mut().zip(boxes.iter()) {
                    sel.fix(ids);
                }
            }
            Screen::Review if self.review_cache.is_none() => {
                let anchor = super::review::anchor(self);
                self.review_cache =
                    Some(crate::model::weekly::draft(&self.plan, anchor, self.today));
            }
            _ => {}
        }
    }

    /// This week's review draft: the cached one, or worked out now when there is none.
    pub fn review_draft(&self) -> std::borrow::Cow<'_, crate::model::weekly::Draft> {
        match &self.review_cache {
            Some(draft) => std::borrow::Cow::Borrowed(draft),
            None => {
                let anchor = super::review::anchor(self);
                std::borrow::Cow::Owned(crate::model::weekly::draft(&self.plan, anchor, self.today))
            }
        }
    }

    /// The item the keys act on: the tree's selection on the Goals screen, the list's
    /// selection on the Agenda and Priorities screens.
    pub fn current_item(&self) -> Option<ItemId> {
        match self.screen {
            Screen::Agenda => self.agenda.id,
            Screen::Priorities => self.matrix[self.quadrant].id,
            Screen::Review => super::review::current_item(self),
            _ => self.selected,
        }
    }

    /// Selects the row at `index` (clamped).
    pub fn select_index(&mut self, index: usize) {
        if self.rows.is_empty() {
            self.selected = None;
            self.cursor = 0;
            return;
        }
        self.cursor = index.min(self.rows.len() - 1);
        self.selected = Some(self.rows[self.cursor].id);
        self.scroll_to_cursor();
    }

    /// Selects the item `id`, unfolding its ancestors so it shows.
    pub fn select_id(&mut self, id: ItemId) {
        if let Some(loc) = self.locate(id) {
            let goal = &self.plan.goals[loc.goal_index()];
            self.collapsed.remove(&goal.id);
            if let crate::model::Loc::MilestoneStep(g, m, _) = loc {
                self.collapsed.remove(&self.plan.goals[g].milestones[m].id);
            }
        }
        self.selected = Some(id);
        self.refresh_rows();
    }

    /// The selected row.
    pub fn selected_row(&self) -> Option<&Row> {
        self.rows
            .get(self.cursor)
            .filter(|r| Some(r.id) == self.selected)
    }

    /// How many tree rows fit on screen.
    pub fn tree_height(&self) -> usize {
        crate::ui::layout::tree_rows_visible(self.size)
    }

    /// Moves `tree_offset` just enough to keep the cursor on screen.
    pub fn scroll_to_cursor(&mut self) {
        let height = self.tree_height().max(1);
        if self.cursor < self.tree_offset {
            self.tree_offset = self.cursor;
        } else if self.cursor >= self.tree_offset + height {
            self.tree_offset = self.cursor + 1 - height;
        }
        let max_offset = self.rows.len().saturating_sub(height);
        self.tree_offset = self.tree_offset.min(max_offset);
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

    /// Puts a plan read from disk in place of the one in memory; undo history starts over.
    pub fn replace_plan(&mut self, plan: Plan) {
        self.plan = plan;
        self.history = History::default();
        self.plan_changed();
    }
}
