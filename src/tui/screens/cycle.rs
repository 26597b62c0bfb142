//! A saved checklist's renewal cycle (`c` on its result): where it stands
//! (under review: the day the result is expected on that channel, what the
//! source says about benefits meanwhile, what to do if no answer comes; or
//! refused, or late: what the source says happens, and next steps), the
//! cycles before it, and forms to record that it was submitted (the day and
//! the channel), approved (the new end date: the next cycle starts) or
//! refused. The rules and the words about them are `checklist::cycle`'s;
//! this screen asks, checks the step on a copy, and shows.

use chrono::{DateTime, NaiveDate, Utc};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::style::Style;

use super::move_selection;
use super::result::Tab;
use crate::checklist::Checklist;
use crate::checklist::cycle::{self, CycleError, CycleView};
use crate::dates::parse_date;
use crate::document::text::wrap;
use crate::i18n::Words;
use crate::plan::render;
use crate::policy::PolicySet;
use crate::tui::commands::{CARET_KEYS, Cmd, Command, ENTER_SPACE, HelpLine, Key, UP_DOWN_TAB};
use crate::tui::input::TextInput;
use crate::tui::layout::Areas;
use crate::tui::message::{Level, Message};
use crate::tui::screens::Ctx;
use crate::tui::theme::Theme;
use crate::tui::view::{fit, header, list_rows, put, text_field, text_line, title_and_explain};

use super::Action;
use super::date::reading_line;
use super::result::ResultView;

/// What the person records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CycleAction {
    Submit,
    Approve,
    Refuse,
}

impl CycleAction {
    pub const ALL: [CycleAction; 3] = [
        CycleAction::Submit,
        CycleAction::Approve,
        CycleAction::Refuse,
    ];
}

/// A step of the cycle, as the shell records it on the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CycleStep {
    Submit {
        on: NaiveDate,
        /// The plan's channel id.
        channel: Option<String>,
    },
    Approve {
        new_end: NaiveDate,
        on: NaiveDate,
    },
    Refuse {
        on: NaiveDate,
    },
}

impl CycleStep {
    /// The step applied to `c` by the rules of `checklist::cycle`, stamped
    /// `now`; with `None` (tried on a copy, never saved) nothing gets a new
    /// time: the checklist's own stands.
    pub(crate) fn apply(
        &self,
        c: &mut Checklist,
        policy: &PolicySet,
        today: NaiveDate,
        now: Option<DateTime<Utc>>,
    ) -> Result<(), CycleError> {
        let now = now.unwrap_or(c.updated_at);
        match self {
            CycleStep::Submit { on, channel } => {
                cycle::submit(c, *on, channel.as_deref(), policy, today, now)
            }
            CycleStep::Approve { new_end, on } => {
                cycle::approve(c, *new_end, *on, policy, today, now).map(|_| ())
            }
            CycleStep::Refuse { on } => cycle::refuse(c, *on, today, now),
        }
    }
}

/// A form being filled: one date at a time, then (submit) the channel.
#[derive(Debug, Clone)]
pub(crate) struct Form {
    pub(crate) action: CycleAction,
    /// The date being typed (today's date to start with, except the new end date).
    pub(crate) field: TextInput,
    /// The first date once given: the day submitted (the channel is then
    /// chosen), or the new end date (the day of approval is then typed).
    pub(crate) first: Option<NaiveDate>,
    /// Submit: the highlighted channel; the row after the plan's channels
    /// is "not said".
    pub(crate) channel: usize,
}

impl Form {
    /// Submit, with the day given: the channel is chosen from a list.
    pub(crate) fn choosing_channel(&self) -> bool {
        self.action == CycleAction::Submit && self.first.is_some()
    }
}

#[derive(Debug, Clone)]
pub struct CycleScreen {
    /// The saved checklist's result, shown again on Esc.
    pub(crate) result: Box<ResultView>,
    /// The highlighted action.
    pub(crate) selected: usize,
    pub(crate) form: Option<Form>,
    /// Lines the state and history are scrolled by.
    pub(crate) scroll: u16,
}

impl CycleScreen {
    pub fn checklist(&self) -> Option<&Checklist> {
        self.result.checklist.as_ref()
    }

    /// Today's plan for the checklist (the next cycle's once approved).
    pub fn plan(&self) -> &crate::plan::RenewalPlan {
        &self.result.plan
    }

    pub(crate) fn form(&self) -> Option<&Form> {
        self.form.as_ref()
    }

    /// A date is being typed.
    pub(crate) fn typing(&self) -> bool {
        self.form.as_ref().is_some_and(|f| !f.choosing_channel())
    }

    /// The highlighted row of the list shown.
    pub(crate) fn selected(&self) -> usize {
        match &self.form {
            None => self.selected,
            Some(f) if f.choosing_channel() => f.channel,
            Some(_) => 0,
        }
    }

    /// Whether a result day can be worked out for some channel offered:
    /// one decides at once or the source gives its review time.
    pub(crate) fn result_day_known(&self) -> bool {
        let channels = &self.result.plan.channels;
        self.offered().into_iter().any(|i| {
            let r = &channels[i].review;
            r.instant || r.instant_for_disease || r.working_days.is_some()
        })
    }

    /// The channels offered on submit, as indices into the plan's: those
    /// that handle the disease (all of them, if the data marks none so).
    pub(crate) fn offered(&self) -> Vec<usize> {
        let channels = &self.result.plan.channels;
        let serving: Vec<usize> = (0..channels.len())
            .filter(|&i| channels[i].serves_disease)
            .collect();
        if serving.is_empty() {
            (0..channels.len()).collect()
        } else {
            serving
        }
    }

    /// Rows of the list shown: the actions, or the channels and "not said";
    /// none while a date is typed.
    pub(crate) fn rows(&self) -> usize {
        match &self.form {
            None => CycleAction::ALL.len(),
            Some(f) if f.choosing_channel() => self.offered().len() + 1,
            Some(_) => 0,
        }
    }

    pub(crate) fn paste(&mut self, text: &str) {
        if let Some(f) = self.form.as_mut().filter(|f| !f.choosing_channel()) {
            f.field.insert(text);
        }
    }
}

impl CycleScreen {
    /// The cycle page of the saved checklist `result` shows.
    pub(crate) fn new(result: Box<ResultView>) -> CycleScreen {
        CycleScreen {
            result,
            selected: 0,
            form: None,
            scroll: 0,
        }
    }

    /// Esc: the form one date back, or the form closed. False when no form
    /// shows: the result again.
    pub(crate) fn back(&mut self) -> bool {
        match &mut self.form {
            Some(f) if f.first.is_some() => {
                let first = f.first.take().map(|d| d.to_string()).unwrap_or_default();
                f.field = TextInput::with(&first);
            }
            Some(_) => self.form = None,
            None => return false,
        }
        true
    }
}

impl CycleScreen {
    fn start(&mut self, action: CycleAction, today: NaiveDate) -> Action {
        let offered = self.offered();
        let recorded = self
            .checklist()
            .and_then(|c| c.cycle.channel.clone())
            .and_then(|id| {
                offered
                    .iter()
                    .position(|&i| self.result.plan.channels[i].id == id)
            });
        self.form = Some(Form {
            action,
            // The day defaults to today; the new end date is the person's to type.
            field: match action {
                CycleAction::Approve => TextInput::default(),
                _ => TextInput::with(&today.to_string()),
            },
            first: None,
            channel: recorded.unwrap_or(0),
        });
        Action::Unsay
    }

    /// The step tried on a copy of the checklist, so a mistake (a day in
    /// the future, a new end date not after the old one) is said at once,
    /// with what was typed kept; nothing is saved until it passes.
    fn check(&self, step: &CycleStep, policy: &PolicySet, today: NaiveDate) -> Result<(), Message> {
        let Some(mut copy) = self.checklist().cloned() else {
            return Err(Message::NotSavedYet);
        };
        step.apply(&mut copy, policy, today, None)
            .map_err(Message::CycleRefusedStep)
    }

    fn finish(&self, step: CycleStep, policy: &PolicySet, today: NaiveDate) -> Action {
        if let Err(e) = self.check(&step, policy, today) {
            return Action::Say(Level::Error, e);
        }
        match self.checklist() {
            Some(c) => Action::RecordCycle {
                id: c.id.clone(),
                step,
            },
            None => Action::None,
        }
    }

    /// Enter on a date: the next date, the channel list, or the step recorded.
    fn date_entered(&mut self, policy: &PolicySet, today: NaiveDate) -> Action {
        let Some(f) = self.form.as_ref() else {
            return Action::None;
        };
        let date = match parse_date(&f.field.text) {
            Ok(d) => d,
            Err(e) => return Action::Say(Level::Error, Message::BadDate(e)),
        };
        let (action, first) = (f.action, f.first);
        match (action, first) {
            (CycleAction::Submit, _) => {
                let step = CycleStep::Submit {
                    on: date,
                    channel: None,
                };
                match self.check(&step, policy, today) {
                    Ok(()) => {
                        if let Some(f) = self.form.as_mut() {
                            f.first = Some(date);
                        }
                        Action::Unsay
                    }
                    Err(e) => Action::Say(Level::Error, e),
                }
            }
            (CycleAction::Approve, None) => {
                // The new end date is checked now (approved today, for the check).
                let step = CycleStep::Approve {
                    new_end: date,
                    on: today,
                };
                match self.check(&step, policy, today) {
                    Ok(()) => {
                        if let Some(f) = self.form.as_mut() {
                            f.first = Some(date);
                            f.field = TextInput::with(&today.to_string());
                        }
                        Action::Unsay
                    }
                    Err(e) => Action::Say(Level::Error, e),
                }
            }
            (CycleAction::Approve, Some(new_end)) => {
                self.finish(CycleStep::Approve { new_end, on: date }, policy, today)
            }
            (CycleAction::Refuse, _) => self.finish(CycleStep::Refuse { on: date }, policy, today),
        }
    }

    /// The channel row chosen: the step recorded with it (or with none).
    fn channel_chosen(&self, row: usize, policy: &PolicySet, today: NaiveDate) -> Action {
        let Some(on) = self.form.as_ref().and_then(|f| f.first) else {
            return Action::None;
        };
        let channel = self
            .offered()
            .get(row)
            .and_then(|&i| self.result.plan.channels.get(i))
            .map(|c| c.id.clone());
        self.finish(CycleStep::Submit { on, channel }, policy, today)
    }
}

/// The renewal cycle's commands: the list of steps, the channel list of
/// a submit, or the date of one being typed.
pub(crate) fn commands(cx: &Ctx) -> Vec<Command> {
    use HelpLine as H;
    let (list, channel, date) = match cx.cycle().and_then(CycleScreen::form) {
        None => (true, false, false),
        Some(f) if f.choosing_channel() => (false, true, false),
        Some(_) => (false, false, true),
    };
    const PICK: &[Key] = &[Key::Char('1'), Key::Char('2'), Key::Char('3')];
    const SCROLL: &[Key] = &[
        Key::Code(KeyCode::PageUp),
        Key::Code(KeyCode::PageDown),
        Key::Code(KeyCode::Home),
    ];
    vec![
        Command::new(Cmd::Move, UP_DOWN_TAB, &[H::Move])
            .enabled(!date)
            .hint("tui.hint.choose"),
        Command::new(Cmd::Activate, ENTER_SPACE, &[H::Enter])
            .enabled(!date)
            .hint("tui.hint.ok"),
        Command::new(Cmd::Pick, PICK, &[H::Numbers])
            .enabled(list)
            .hint("tui.hint.cycle_pick"),
        Command::new(Cmd::Scroll, SCROLL, &[H::Page])
            .enabled(list)
            .hint("tui.hint.page_scroll"),
        Command::new(Cmd::Number, &[Key::Digit], &[H::Numbers])
            .enabled(channel)
            .hint("tui.hint.number"),
        Command::new(Cmd::Type, &[Key::Any], &[H::Edit])
            .enabled(date)
            .hint("tui.hint.type_a_date"),
        Command::new(Cmd::Activate, &[Key::Code(KeyCode::Enter)], &[H::Enter])
            .enabled(date)
            .hint("tui.hint.ok"),
        Command::new(Cmd::Caret, CARET_KEYS, &[H::Edit])
            .enabled(date)
            .hint("tui.hint.caret"),
    ]
}

impl CycleScreen {
    /// A command on the cycle page: its list, a form's date or channel.
    pub(crate) fn update(
        &mut self,
        cmd: Cmd,
        k: &KeyEvent,
        policy: &PolicySet,
        today: NaiveDate,
    ) -> Action {
        let rows = self.rows();
        match &mut self.form {
            None => match (cmd, k.code) {
                (Cmd::Move, KeyCode::Up) => move_selection(&mut self.selected, -1, rows),
                (Cmd::Move, _) => move_selection(&mut self.selected, 1, rows),
                (Cmd::Scroll, KeyCode::PageUp) => self.scroll = self.scroll.saturating_sub(5),
                (Cmd::Scroll, KeyCode::PageDown) => self.scroll = self.scroll.saturating_add(5),
                (Cmd::Scroll, _) => self.scroll = 0,
                (Cmd::Pick, KeyCode::Char(c @ '1'..='3')) => {
                    return self.start(CycleAction::ALL[usize::from(c as u8 - b'1')], today);
                }
                (Cmd::Activate, _) => {
                    let action = CycleAction::ALL[self.selected.min(rows - 1)];
                    return self.start(action, today);
                }
                _ => {}
            },
            Some(f) if f.choosing_channel() => match (cmd, k.code) {
                (Cmd::Move, KeyCode::Up) => move_selection(&mut f.channel, -1, rows),
                (Cmd::Move, _) => move_selection(&mut f.channel, 1, rows),
                (Cmd::Activate, _) => {
                    let row = f.channel;
                    return self.channel_chosen(row, policy, today);
                }
                (Cmd::Number, KeyCode::Char(c)) => {
                    let n = c.to_digit(10).unwrap_or(0) as usize;
                    if (1..=rows).contains(&n) {
                        f.channel = n - 1;
                        return self.channel_chosen(n - 1, policy, today);
                    }
                }
                _ => {}
            },
            Some(f) => {
                if cmd == Cmd::Activate {
                    return self.date_entered(policy, today);
                }
                if f.field.edit(k) {
                    return Action::Unsay;
                }
            }
        }
        Action::None
    }

    /// A click on row `row` of the list shown.
    pub(crate) fn click(&mut self, row: usize, policy: &PolicySet, today: NaiveDate) -> Action {
        match &mut self.form {
            None => {
                self.selected = row;
                self.start(CycleAction::ALL[row.min(CycleAction::ALL.len() - 1)], today)
            }
            Some(f) if f.choosing_channel() => {
                f.channel = row;
                self.channel_chosen(row, policy, today)
            }
            Some(_) => Action::None,
        }
    }
}

impl CycleScreen {
    /// The step is on disk (`c`, whose plan today is `next_plan`; `due`
    /// when the day the result is due is known): the page shows the
    /// checklist as saved; after an approval, the next cycle's plan and
    /// checklist, with this one as history. What to tell the person, when
    /// the page shows that checklist.
    pub(crate) fn recorded(
        &mut self,
        c: Checklist,
        next_plan: Option<crate::plan::RenewalPlan>,
        due: bool,
        words: Words,
    ) -> Option<Message> {
        let before = self.checklist().filter(|b| b.id == c.id)?;
        let approved = before.answers != c.answers;
        let message = if approved {
            Message::CycleApproved {
                end: c.answers.validity_end,
                opens: c.window.opens,
                closes: c.window.closes,
            }
        } else {
            match (c.cycle.state, c.cycle.submitted_on, c.cycle.refused_on) {
                (cycle::CycleState::Refused, _, Some(on)) => Message::CycleRefused { on },
                (_, Some(on), _) => Message::CycleSubmitted {
                    on,
                    result_due: due,
                },
                _ => Message::SavedShort,
            }
        };
        match next_plan {
            Some(plan) if approved => {
                let mut view = ResultView::new(plan, Some(c), self.result.from_home, words);
                view.show_tab(Tab::Checklist);
                *self.result = view;
            }
            _ => self.result.checklist = Some(c),
        }
        self.form = None;
        self.selected = 0;
        self.scroll = 0;
        Some(message)
    }
}

/// Whether the cycle view of `c` (with today's plan `plan`) knows the day
/// the result is due.
pub(crate) fn result_due(
    c: &Checklist,
    plan: Option<&crate::plan::RenewalPlan>,
    today: NaiveDate,
    policy: &PolicySet,
) -> bool {
    matches!(
        cycle::view(c, plan, today, policy),
        cycle::CycleView::Submitted(cycle::Review {
            expected_result: Some(_),
            ..
        })
    )
}

/// The state in a few words, with its glyph: the page's title.
fn title(view: &CycleView, theme: &Theme, words: Words) -> (String, Style) {
    let glyph = |fancy: &'static str, ascii: &'static str| if theme.ascii { ascii } else { fancy };
    match view {
        CycleView::Preparing => (
            format!(
                "{}{}",
                glyph("○ ", "o "),
                words.t("tui.cycle.state.preparing")
            ),
            theme.question(),
        ),
        CycleView::Late { .. } => (
            format!("{}{}", glyph("✗ ", "x "), words.t("tui.cycle.state.late")),
            theme.danger(),
        ),
        CycleView::Submitted(_) => (
            format!(
                "{}{}",
                glyph("◇ ", "@ "),
                words.t("tui.cycle.state.submitted")
            ),
            theme.info(),
        ),
        CycleView::Refused { .. } => (
            format!(
                "{}{}",
                glyph("✗ ", "x "),
                words.t("tui.cycle.state.refused")
            ),
            theme.danger(),
        ),
    }
}

/// What the page says about the cycle, then the cycles before it.
fn info_lines(s: &CycleScreen, view: &CycleView, width: usize, words: Words) -> Vec<String> {
    let plan = &s.result.plan;
    let mut lines = match view {
        CycleView::Preparing => {
            // No window where no renewal is needed: the plan says so.
            let mut l = vec![match &plan.window {
                Some(w) => words.tf(
                    if s.result_day_known() {
                        "tui.cycle.preparing"
                    } else {
                        "tui.cycle.preparing_no_day"
                    },
                    &[("opens", &w.opens), ("closes", &w.closes)],
                ),
                None => render::status_words(plan, words),
            }];
            l.extend(render::apply_by_line(plan, words));
            l
        }
        _ => view.lines(words),
    };
    if let Some(c) = s.checklist()
        && !c.history.is_empty()
    {
        lines.push(String::new());
        lines.push(words.t("cycle.history_label").to_string());
        lines.extend(
            c.history
                .iter()
                .rev()
                .map(|h| format!("  {}", h.describe(words))),
        );
    }
    lines.iter().flat_map(|l| wrap(l, width)).collect()
}

pub(crate) fn draw(frame: &mut Frame, cx: &Ctx, s: &CycleScreen, theme: &Theme, areas: &Areas) {
    let words = cx.words(theme);
    let Some(c) = s.checklist() else { return };
    let w = frame.area().width;
    let plan = &s.result.plan;
    header(
        frame,
        cx,
        theme,
        areas,
        &words.tf(
            "tui.cycle.header",
            &[
                ("label", &c.label),
                ("region", &plan.region.short_name),
                (
                    "disease",
                    &words.name(&plan.disease.name, plan.disease.name_en.as_deref()),
                ),
            ],
        ),
    );
    let view = cycle::view(c, Some(plan), cx.today, cx.policy);
    let (title, title_style) = title(&view, theme, words);
    title_and_explain(frame, words, theme, areas, "", words.t("tui.cycle.explain"));
    put(
        frame,
        1,
        areas.title.y,
        w - 2,
        text_line(words, &fit(words, &title, w as usize - 2), title_style),
    );
    draw_info(frame, s, &view, theme, areas, words);
    match &s.form {
        None => draw_actions(frame, s, theme, areas, words),
        Some(f) if f.choosing_channel() => draw_channels(frame, s, f, theme, areas, words),
        Some(f) => draw_date_form(frame, cx, f, theme, areas),
    }
}

/// The state and history, scrolled; ↓ when more is below.
fn draw_info(
    frame: &mut Frame,
    s: &CycleScreen,
    view: &CycleView,
    theme: &Theme,
    areas: &Areas,
    words: Words,
) {
    let w = frame.area().width;
    let pane = areas.pane;
    let lines = info_lines(s, view, pane.width.saturating_sub(2) as usize, words);
    let max = lines.len().saturating_sub(usize::from(pane.height));
    let scroll = usize::from(s.scroll).min(max);
    for (i, l) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(pane.height))
        .enumerate()
    {
        let style = if l.starts_with("  ") || l.is_empty() {
            theme.dim()
        } else {
            Style::new()
        };
        put(
            frame,
            pane.x + 1,
            pane.y + i as u16,
            pane.width - 2,
            text_line(words, l, style),
        );
    }
    if scroll < max {
        put(
            frame,
            w - 2,
            pane.bottom().saturating_sub(1),
            1,
            text_line(words, "↓", theme.dim()),
        );
    }
}

/// The actions to record, numbered.
fn draw_actions(frame: &mut Frame, s: &CycleScreen, theme: &Theme, areas: &Areas, words: Words) {
    let rows: Vec<String> = CycleAction::ALL
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let key = match a {
                CycleAction::Submit => "tui.cycle.action.submit",
                CycleAction::Approve => "tui.cycle.action.approve",
                CycleAction::Refuse => "tui.cycle.action.refuse",
            };
            format!("{}. {}", i + 1, words.t(key))
        })
        .collect();
    if let Some(g) = areas.list {
        list_rows(frame, words, theme, g, &rows, s.selected);
    }
}

/// Submit, with the day given: which channel, or "not said".
fn draw_channels(
    frame: &mut Frame,
    s: &CycleScreen,
    f: &Form,
    theme: &Theme,
    areas: &Areas,
    words: Words,
) {
    let w = frame.area().width;
    let plan = &s.result.plan;
    put(
        frame,
        1,
        areas.hint.y,
        w - 2,
        text_line(
            words,
            &fit(
                words,
                &words.tf(
                    "tui.cycle.channel_question",
                    &[("date", &f.first.map(|d| d.to_string()).unwrap_or_default())],
                ),
                w as usize - 2,
            ),
            theme.question(),
        ),
    );
    let mut rows: Vec<String> = s
        .offered()
        .into_iter()
        .filter_map(|i| plan.channels.get(i))
        .enumerate()
        .map(|(i, ch)| {
            format!(
                "{:>2}. {} · {} · {}",
                i + 1,
                render::kind_word(ch.kind, words),
                words.name(&ch.name, ch.name_en.as_deref()),
                render::review_words(ch, words)
            )
        })
        .collect();
    rows.push(format!(
        "{:>2}. {}",
        rows.len() + 1,
        words.t(if s.result_day_known() {
            "tui.cycle.channel_unsaid"
        } else {
            "tui.cycle.channel_unsaid_no_day"
        })
    ));
    if let Some(g) = areas.list {
        list_rows(frame, words, theme, g, &rows, f.channel);
    }
}

/// A date being typed, with how it reads and what it is for.
fn draw_date_form(frame: &mut Frame, cx: &Ctx, f: &Form, theme: &Theme, areas: &Areas) {
    let words = cx.words(theme);
    let w = frame.area().width;
    let label = match (f.action, f.first) {
        (CycleAction::Submit, _) => words.t("tui.cycle.field.submitted_on"),
        (CycleAction::Approve, None) => words.t("tui.cycle.field.new_end"),
        (CycleAction::Approve, Some(_)) => words.t("tui.cycle.field.approved_on"),
        (CycleAction::Refuse, _) => words.t("tui.cycle.field.refused_on"),
    };
    text_field(
        frame,
        areas.field.y,
        label,
        theme.question(),
        &f.field,
        crate::tui::view::underlined(),
    );
    put(
        frame,
        1,
        areas.hint.y,
        w - 2,
        reading_line(&f.field.text, cx.today, w as usize - 2, theme, words),
    );
    let below = match (f.action, f.first) {
        (CycleAction::Approve, None) => words.t("tui.cycle.below.new_end").to_string(),
        (CycleAction::Approve, Some(end)) => {
            words.tf("tui.cycle.below.approved_on", &[("end", &end)])
        }
        _ => words.t("tui.cycle.below.day").to_string(),
    };
    put(
        frame,
        1,
        areas.below.y,
        w - 2,
        text_line(words, &fit(words, &below, w as usize - 2), theme.dim()),
    );
}
