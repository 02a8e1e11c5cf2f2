//! The wording helper: the language coach as a page ("Check my wording" works without JavaScript).

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use serde::Deserialize;

use super::error::{FormError, PageResult, render};
use super::shell::Shell;
use crate::state::AppState;
use crate::web::auth::MaybeUser;
use crate::web::extract::PageForm;

/// One hint, with the words it is about.
pub struct Hint {
    /// Kind, in words ("Blame").
    pub label: &'static str,
    /// The flagged words.
    pub excerpt: String,
    /// Why it may land badly.
    pub explanation: String,
}

#[derive(Template)]
#[template(path = "coach.html")]
struct CoachPage {
    shell: Shell,
    text: String,
    checked: bool,
    hints: Vec<Hint>,
    suggestion: Option<String>,
    error: Option<FormError>,
}

/// A kind's name for people.
pub fn label(kind: attune_coach::FlagKind) -> &'static str {
    use attune_coach::FlagKind as K;
    match kind {
        K::Absolute => "Always / never",
        K::Blame => "Blame",
        K::Pressure => "Pressure",
        K::MindReading => "Mind reading",
        K::Generalisation => "Generalisation",
        K::Dismissive => "Dismissing feelings",
    }
}

/// GET /coach
pub async fn show(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
) -> PageResult<Html<String>> {
    let shell = Shell::new(&state, me.as_ref(), "Wording helper").await;
    render(&CoachPage {
        shell,
        text: String::new(),
        checked: false,
        hints: Vec::new(),
        suggestion: None,
        error: None,
    })
}

/// The text to check.
#[derive(Deserialize)]
pub struct CoachForm {
    text: String,
}

/// POST /coach: checks the wording and shows the hints under the text. Nothing is stored.
pub async fn check(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
    PageForm(form): PageForm<CoachForm>,
) -> PageResult<Html<String>> {
    let shell = Shell::new(&state, me.as_ref(), "Wording helper").await;
    if form.text.chars().count() > attune_coach::MAX_TEXT_CHARS {
        let error = FormError {
            field: "text",
            message: format!(
                "The helper reads up to {} characters at a time.",
                attune_coach::MAX_TEXT_CHARS
            ),
        };
        return render(&CoachPage {
            shell,
            text: form.text,
            checked: false,
            hints: Vec::new(),
            suggestion: None,
            error: Some(error),
        });
    }
    let (hints, suggestion) = advise(&form.text);
    render(&CoachPage {
        shell,
        text: form.text,
        checked: true,
        hints,
        suggestion,
        error: None,
    })
}

/// The coach's hints for `text`, each with the words it is about, and its suggestion if any.
/// The caller keeps `text` within [`attune_coach::MAX_TEXT_CHARS`].
pub fn advise(text: &str) -> (Vec<Hint>, Option<String>) {
    let advice = attune_coach::check(text);
    let chars: Vec<char> = text.chars().collect();
    let hints = advice
        .flags
        .into_iter()
        .map(|f| Hint {
            label: label(f.kind),
            excerpt: chars
                .get(f.start..f.end.min(chars.len()))
                .map(|c| c.iter().collect())
                .unwrap_or_default(),
            explanation: f.explanation,
        })
        .collect();
    (hints, advice.suggestion)
}
