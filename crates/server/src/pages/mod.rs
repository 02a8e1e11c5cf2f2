//! HTML pages. Forms first: every action works without JavaScript. Handlers are thin over
//! `services`, exactly like the JSON API.

pub mod account;
pub mod agreement;
pub mod boundaries;
pub mod changes;
pub mod checkins;
pub mod coach;
pub mod coach_review;
pub mod debriefs;
pub mod desire_log;
pub mod error;
pub mod form;
pub mod home;
pub mod info;
pub mod inventory;
pub mod invites;
pub mod learn;
pub mod pause;
pub mod plans;
pub mod reveal;
pub mod settings;
pub mod shell;
pub mod spaces;
pub mod tonight;
pub mod trend_chart;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

/// Every page route.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home::show))
        .route("/signup", get(account::signup_form).post(account::signup))
        .route("/welcome", post(account::welcome))
        .route("/login", get(account::login_form).post(account::login))
        .route("/logout", post(account::logout))
        .route("/lock", post(account::lock))
        .route(
            "/recover",
            get(account::recover_form).post(account::recover),
        )
        .route("/settings", get(settings::show))
        .route("/settings/discreet", post(settings::discreet))
        .route("/settings/password", post(settings::password))
        .route("/settings/recovery-code", post(settings::recovery_code))
        .route("/settings/sessions/{id}/end", post(settings::end_session))
        .route(
            "/settings/logout-everywhere",
            post(settings::logout_everywhere),
        )
        .route("/settings/delete", post(settings::delete_account))
        .route("/spaces", post(spaces::create))
        .route("/spaces/{id}", get(spaces::overview))
        .route("/spaces/{id}/members", get(spaces::members))
        .route("/spaces/{id}/me", post(spaces::update_me))
        .route("/spaces/{id}/leave", post(spaces::leave))
        .route(
            "/spaces/{id}/invite",
            get(invites::show).post(invites::create),
        )
        .route(
            "/spaces/{id}/invites/{invite_id}/withdraw",
            post(invites::withdraw),
        )
        .route("/spaces/{id}/inventory", get(inventory::overview))
        .route(
            "/spaces/{id}/inventory/c/{category}",
            get(inventory::category).post(inventory::save_category),
        )
        .route("/spaces/{id}/inventory/own", post(inventory::add_own))
        .route(
            "/spaces/{id}/inventory/own/{item}/offer",
            post(inventory::offer_own),
        )
        .route(
            "/spaces/{id}/inventory/own/{item}/delete",
            post(inventory::delete_own),
        )
        .route(
            "/spaces/{id}/inventory/reveal",
            get(reveal::show).post(reveal::press),
        )
        .route(
            "/spaces/{id}/inventory/cooling",
            post(reveal::choose_cooling),
        )
        .route(
            "/spaces/{id}/boundaries",
            get(boundaries::list).post(boundaries::add),
        )
        .route(
            "/spaces/{id}/boundaries/{boundary_id}",
            get(boundaries::one).post(boundaries::change),
        )
        .route(
            "/spaces/{id}/boundaries/{boundary_id}/remove",
            post(boundaries::remove),
        )
        .route(
            "/spaces/{id}/boundaries/{boundary_id}/review",
            post(boundaries::review),
        )
        .route(
            "/spaces/{id}/agreement",
            get(agreement::show).post(agreement::propose),
        )
        .route("/spaces/{id}/agreement/edit", get(agreement::edit))
        .route("/spaces/{id}/agreement/history", get(agreement::history))
        .route("/spaces/{id}/agreement/review", post(agreement::review))
        .route(
            "/spaces/{id}/changes/{change_id}/confirm",
            post(changes::confirm),
        )
        .route(
            "/spaces/{id}/changes/{change_id}/decline",
            post(changes::decline),
        )
        .route("/spaces/{id}/life-change", post(changes::life_changed))
        .route("/spaces/{id}/pause", post(pause::pause))
        .route("/spaces/{id}/pause/lift", post(pause::lift))
        .route(
            "/spaces/{id}/tonight",
            get(tonight::show).post(tonight::set),
        )
        .route("/spaces/{id}/tonight/red", post(tonight::red))
        .route("/spaces/{id}/tonight/clear", post(tonight::clear))
        .route("/spaces/{id}/slower", post(tonight::slower))
        .route("/spaces/{id}/slower/lift", post(tonight::lift_slower))
        .route("/spaces/{id}/quiet", post(tonight::quiet))
        .route("/spaces/{id}/quiet/end", post(tonight::end_quiet))
        .route("/spaces/{id}/invitations", post(tonight::invite))
        .route(
            "/spaces/{id}/invitations/{invitation_id}/yes",
            post(tonight::accept),
        )
        .route(
            "/spaces/{id}/invitations/{invitation_id}/no",
            post(tonight::decline),
        )
        .route("/spaces/{id}/checkins", get(checkins::show))
        .route("/spaces/{id}/checkins/answers", post(checkins::answers))
        .route("/spaces/{id}/checkins/cadence", post(checkins::cadence))
        .route("/spaces/{id}/checkins/trends", get(checkins::trends))
        .route("/spaces/{id}/calendar/rotate", post(checkins::rotate))
        .route("/spaces/{id}/calendar/title", post(checkins::title))
        .route("/spaces/{id}/reminders/email", post(checkins::email))
        .route("/calendar/{file}", get(checkins::feed))
        .route("/spaces/{id}/plans", get(plans::list).post(plans::create))
        .route("/spaces/{id}/plans/new", get(plans::new_form))
        .route("/spaces/{id}/plans/{pid}", get(plans::show))
        .route("/spaces/{id}/plans/{pid}/confirm", post(plans::confirm))
        .route("/spaces/{id}/plans/{pid}/withdraw", post(plans::withdraw))
        .route(
            "/spaces/{id}/plans/{pid}/debrief",
            get(debriefs::show).post(debriefs::save),
        )
        .route(
            "/spaces/{id}/plans/{pid}/follow-ups",
            post(debriefs::follow_up),
        )
        .route(
            "/spaces/{id}/log",
            get(desire_log::show).post(desire_log::add),
        )
        .route("/spaces/{id}/log/{eid}/consent", post(desire_log::consent))
        .route("/spaces/{id}/log/{eid}/decline", post(desire_log::decline))
        .route("/join", get(invites::join_form).post(invites::join))
        .route("/coach", get(coach::show).post(coach::check))
        .route("/coach/review", post(coach_review::review))
        // The learning library (K1): public, stores nothing, same shell and quick exit.
        .route("/learn", get(learn::index))
        .route("/learn/{topic}", get(learn::topic))
        .route("/safety", get(info::safety))
        .route("/about", get(info::about))
        .route("/away", get(info::away))
        .route("/quick-exit", post(info::quick_exit))
}
