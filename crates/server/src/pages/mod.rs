//! HTML pages. Forms first: every action works without JavaScript. Handlers are thin over
//! `services`, exactly like the JSON API.

pub mod account;
pub mod coach;
pub mod error;
pub mod home;
pub mod info;
pub mod inventory;
pub mod invites;
pub mod learn;
pub mod reveal;
pub mod settings;
pub mod shell;
pub mod spaces;

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
        .route("/join", get(invites::join_form).post(invites::join))
        .route("/coach", get(coach::show).post(coach::check))
        // The learning library (K1): public, stores nothing, same shell and quick exit.
        .route("/learn", get(learn::index))
        .route("/learn/{topic}", get(learn::topic))
        .route("/safety", get(info::safety))
        .route("/about", get(info::about))
        .route("/away", get(info::away))
        .route("/quick-exit", post(info::quick_exit))
}
