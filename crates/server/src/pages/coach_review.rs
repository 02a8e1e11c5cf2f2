//! "Check my wording" from any form meant for a partner, without JavaScript: the whole form
//! arrives here, its texts are shown with the helper's hints, and "Save" sends every field on to
//! the form's own address. Nothing is stored here and no content is logged.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::coach::{Hint, advise};
use super::error::{PageError, PageResult, render};
use super::shell::Shell;
use crate::error::AppError;
use crate::services::spaces;
use crate::state::AppState;
use crate::web::auth::MaybeUser;
use crate::web::extract::PageForm;

/// The most fields one form may bring (the largest coached form, a plan, has about fifty).
pub const MAX_FIELDS: usize = 100;
/// The longest `_coach_back` address accepted, in bytes.
const MAX_BACK_LEN: usize = 200;
/// The longest name of a coached field.
const MAX_NAME_LEN: usize = 64;
/// The longest label shown over a coached field, in characters.
const MAX_LABEL_CHARS: usize = 300;

/// A coached form this page can send words back to.
struct Destination {
    /// Its address; `{id}` stands for one lowercase hyphenated UUID.
    pattern: &'static str,
    /// The words of the form's own main button.
    save: &'static str,
    /// The `maxlength` of the form's coached textareas (kept equal by a test).
    maxlength: usize,
    /// Coached textareas of this form with a smaller `maxlength` than the rest.
    narrower: &'static [(&'static str, usize)],
}

impl Destination {
    /// The `maxlength` of the coached textarea called `name`.
    fn maxlength_of(&self, name: &str) -> usize {
        self.narrower
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(self.maxlength, |(_, m)| *m)
    }
}

/// Every form with a "Check my wording" button.
const DESTINATIONS: [Destination; 7] = [
    Destination {
        pattern: "/spaces/{id}/log",
        save: "Add to the log",
        maxlength: 2000,
        narrower: &[],
    },
    Destination {
        pattern: "/spaces/{id}/plans",
        save: "Propose this plan",
        maxlength: 2000,
        narrower: &[],
    },
    Destination {
        pattern: "/spaces/{id}/checkins/answers",
        save: "Save my answers",
        maxlength: 2000,
        narrower: &[],
    },
    Destination {
        pattern: "/spaces/{id}/tonight",
        save: "Share",
        maxlength: 300,
        narrower: &[],
    },
    Destination {
        pattern: "/spaces/{id}/plans/{id}/debrief",
        save: "Save my debrief",
        maxlength: 2000,
        narrower: &[],
    },
    Destination {
        pattern: "/spaces/{id}/plans/{id}/follow-ups",
        save: "Add a follow-up",
        maxlength: 500,
        narrower: &[],
    },
    Destination {
        pattern: "/spaces/{id}/agreement",
        save: "Ask everyone to confirm",
        maxlength: 4000,
        narrower: &[("aftercare", 2000)],
    },
];

/// True for an id as this server writes them: a UUID, lowercase and hyphenated.
fn is_id(segment: &str) -> bool {
    uuid::Uuid::try_parse(segment).is_ok_and(|u| u.hyphenated().to_string() == segment)
}

/// The coached form `back` names and its space id, or `None` when it names anything else.
fn destination(back: &str) -> Option<(&'static Destination, &str)> {
    // SECURITY: `_coach_back` comes from the request and becomes the formaction of the "Save"
    // button, so it must never lead off this site or to an action the person didn't start
    // from. Only a short local path of plain characters is considered (no scheme, no `//`
    // host, no backslash that some browsers read as a slash, no control characters), and it
    // must then match one of the coached forms' addresses exactly.
    if back.len() > MAX_BACK_LEN
        || !back.starts_with('/')
        || back.starts_with("//")
        || back.contains('\\')
        || back.contains(':')
        || back.chars().any(char::is_control)
    {
        return None;
    }
    let segments: Vec<&str> = back[1..].split('/').collect();
    let found = DESTINATIONS.iter().find(|d| {
        let parts: Vec<&str> = d.pattern[1..].split('/').collect();
        parts.len() == segments.len()
            && parts
                .iter()
                .zip(&segments)
                .all(|(p, s)| if *p == "{id}" { is_id(s) } else { p == s })
    })?;
    Some((found, segments[1]))
}

/// One coached text, shown for editing with what the helper noticed.
struct ReviewField {
    id: String,
    name: String,
    label: String,
    text: String,
    maxlength: usize,
    /// Set when the text is longer than the form (or the helper) takes.
    problem: Option<String>,
    /// Whether the helper read it (it reads nothing over its limit).
    checked: bool,
    hints: Vec<Hint>,
    suggestion: Option<String>,
}

#[derive(Template)]
#[template(path = "coach_review.html")]
struct ReviewPage {
    shell: Shell,
    back: String,
    save: &'static str,
    fields: Vec<ReviewField>,
    hidden: Vec<(String, String)>,
    has_problem: bool,
}

fn refuse(message: &str) -> PageError {
    PageError(AppError::BadRequest(message.into()))
}

/// Reads one `_coach` value, "FIELDNAME|Label people see".
fn coached(value: &str) -> Result<(String, String), PageError> {
    let (name, label) = value.split_once('|').unwrap_or((value, ""));
    // SECURITY: names become element ids and field names; keep them to plain characters.
    let plain = !name.is_empty()
        && name.len() <= MAX_NAME_LEN
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && name != "csrf"
        && !name.starts_with("_coach");
    if !plain || label.chars().count() > MAX_LABEL_CHARS {
        return Err(refuse(
            "The wording helper couldn't tell which words to check. Please go back to the form and save it from there.",
        ));
    }
    let label = if label.trim().is_empty() {
        "Your words".to_string()
    } else {
        label.trim().to_string()
    };
    Ok((name.to_string(), label))
}

/// POST /coach/review: the coached texts of a form, with hints, ready to send on. Stores nothing.
pub async fn review(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
    PageForm(pairs): PageForm<Vec<(String, String)>>,
) -> PageResult<Response> {
    // SECURITY: the body is already capped by the app-wide limit; the number of fields is
    // capped too, so one request can't ask for thousands of inputs or coach runs.
    if pairs.len() > MAX_FIELDS {
        return Err(refuse(
            "That form has more fields than the wording helper can take. Please go back to the form and save it from there.",
        ));
    }
    let mut backs = pairs.iter().filter(|(k, _)| k == "_coach_back");
    let found = match (backs.next(), backs.next()) {
        (Some((_, b)), None) => destination(b).map(|(d, space)| (b.clone(), d, space.to_string())),
        _ => None,
    };
    let Some((back, dest, space_id)) = found else {
        return Err(refuse(
            "The wording helper can only send your words back to a form here in Attune, and this one wasn't recognised. Please go back to the form and save it from there.",
        ));
    };
    let mut names: Vec<(String, String)> = Vec::new();
    for (_, value) in pairs.iter().filter(|(k, _)| k == "_coach") {
        let (name, label) = coached(value)?;
        if !names.iter().any(|(n, _)| *n == name) {
            names.push((name, label));
        }
    }
    if names.is_empty() {
        return Err(refuse(
            "There were no words to check. Please go back to the form and try again.",
        ));
    }
    // Each coached field takes the first value of its name; every other field is carried on
    // unchanged, in order, repeated names included. When something was written, the texts
    // left empty are carried on too, so the page shows only words to look at.
    let first = |name: &str| pairs.iter().position(|(k, _)| k == name);
    let written = names
        .iter()
        .any(|(n, _)| first(n).is_some_and(|at| !pairs[at].1.trim().is_empty()));
    let mut used = vec![false; pairs.len()];
    let mut fields = Vec::new();
    for (name, label) in names {
        let text = match first(&name) {
            Some(at) if written && pairs[at].1.trim().is_empty() => continue,
            Some(at) => {
                used[at] = true;
                pairs[at].1.clone()
            }
            None => String::new(),
        };
        let chars = text.chars().count();
        // SECURITY: the helper reads at most its own limit; longer text is kept, not read.
        let checked = chars <= attune_coach::MAX_TEXT_CHARS;
        let maxlength = dest.maxlength_of(&name);
        let limit = maxlength.min(attune_coach::MAX_TEXT_CHARS);
        let problem = if !checked {
            Some(format!(
                "The helper reads up to {} characters at a time, and this is {chars}. Your words are all still here, so you can shorten them.",
                attune_coach::MAX_TEXT_CHARS
            ))
        } else if chars > limit {
            Some(format!(
                "This can be up to {limit} characters, and it is {chars} now. Your words are all still here, so you can shorten them."
            ))
        } else {
            None
        };
        let (hints, suggestion) = if checked {
            advise(&text)
        } else {
            (Vec::new(), None)
        };
        fields.push(ReviewField {
            id: format!("review-{}", fields.len() + 1),
            name,
            label,
            text,
            maxlength,
            problem,
            checked,
            hints,
            suggestion,
        });
    }
    let hidden = pairs
        .into_iter()
        .zip(used)
        .filter(|(_, u)| !u)
        .map(|(p, _)| p)
        .collect();
    let mut shell = Shell::new(&state, me.as_ref(), "Check your wording").await;
    // The pause control belongs on every space page: show it when the form was in a space of
    // mine. Someone else's space shows nothing of it, the same as a missing one.
    if let Some(me) = me.as_ref()
        && let Ok(space) = spaces::view(&state, me, &space_id).await
    {
        shell = shell.in_space(&state, me, &space.id, &space.name).await;
    }
    let has_problem = fields.iter().any(|f| f.problem.is_some());
    let page = render(&ReviewPage {
        shell,
        back,
        save: dest.save,
        fields,
        hidden,
        has_problem,
    })?;
    let status = if has_problem {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, page).into_response())
}

#[cfg(test)]
mod tests {
    use super::destination;

    const SPACE: &str = "0b7f4c1e-3d2a-4e5f-9a8b-1c2d3e4f5a6b";

    #[test]
    fn only_the_coached_forms_of_this_site_are_destinations() {
        for ok in [
            format!("/spaces/{SPACE}/log"),
            format!("/spaces/{SPACE}/tonight"),
            format!("/spaces/{SPACE}/plans/{SPACE}/debrief"),
        ] {
            assert_eq!(destination(&ok).map(|(_, s)| s), Some(SPACE), "{ok}");
        }
        for bad in [
            String::new(),
            "//evil.example/spaces".into(),
            "https://evil.example/".into(),
            "javascript:alert(1)".into(),
            format!("/\\evil.example/spaces/{SPACE}/log"),
            format!("/spaces/{SPACE}/log/"),
            format!("/spaces/{SPACE}/log?x=1"),
            format!("/spaces/{SPACE}/leave"),
            format!("/spaces/{}/log", SPACE.to_uppercase()),
            "/spaces/../settings/delete".into(),
            "/spaces/x/log".into(),
            format!("/spaces/{SPACE}/log\n"),
            "/settings/delete".into(),
        ] {
            assert!(destination(&bad).is_none(), "{bad:?}");
        }
    }
}
