//! The JSON API under `/api/v1`. Registering a route with `routes!` also documents it in the
//! OpenAPI description served at `/api/v1/openapi.json`.

pub mod account;
pub mod agreement;
pub mod auth;
pub mod boundaries;
pub mod calendar;
pub mod changes;
pub mod checkins;
pub mod coach;
pub mod consent;
pub mod desire_log;
pub mod error;
pub mod inventory;
pub mod invitations;
pub mod invites;
pub mod pause;
pub mod plans;
pub mod review;
pub mod spaces;

use axum::Json;
use axum::routing::get;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

#[derive(OpenApi)]
#[openapi(
    info(title = "Attune API", description = "Every capability of the Attune web interface, as JSON. Errors are `{\"error\": {\"code\", \"message\", \"field\"?}}`."),
    components(schemas(error::ErrorBody, error::ErrorDetail)),
    modifiers(&BearerAuth)
)]
struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// All API routes with their OpenAPI description.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(auth::signup))
        .routes(routes!(auth::login))
        .routes(routes!(auth::logout))
        .routes(routes!(auth::logout_everywhere))
        .routes(routes!(auth::list_sessions))
        .routes(routes!(auth::end_session))
        .routes(routes!(auth::change_password))
        .routes(routes!(auth::recover))
        .routes(routes!(auth::new_recovery_code))
        .routes(routes!(account::delete_account))
        .routes(routes!(account::get_prefs, account::put_prefs))
        .routes(routes!(spaces::create_space, spaces::list_spaces))
        .routes(routes!(spaces::get_space))
        .routes(routes!(spaces::update_me))
        .routes(routes!(spaces::leave_space))
        .routes(routes!(invites::create_invite, invites::list_invites))
        .routes(routes!(invites::revoke_invite))
        .routes(routes!(invites::accept_invite))
        .routes(routes!(inventory::get_catalog))
        .routes(routes!(inventory::put_answers, inventory::get_answers))
        .routes(routes!(inventory::reveal))
        .routes(routes!(inventory::get_round))
        .routes(routes!(inventory::create_custom))
        .routes(routes!(inventory::offer_custom))
        .routes(routes!(inventory::delete_custom))
        .routes(routes!(inventory::get_cooling, inventory::put_cooling))
        .routes(routes!(
            boundaries::list_boundaries,
            boundaries::add_boundary
        ))
        .routes(routes!(boundaries::change_boundary))
        .routes(routes!(boundaries::remove_boundary))
        .routes(routes!(boundaries::boundary_history))
        .routes(routes!(boundaries::review_boundary))
        .routes(routes!(
            agreement::get_agreement,
            agreement::propose_agreement
        ))
        .routes(routes!(agreement::agreement_history))
        .routes(routes!(agreement::review_agreement))
        .routes(routes!(changes::confirm_change))
        .routes(routes!(changes::decline_change))
        .routes(routes!(review::get_review))
        .routes(routes!(review::life_changed))
        .routes(routes!(
            consent::put_consent_now,
            consent::delete_consent_now,
            consent::get_consent_now
        ))
        .routes(routes!(consent::put_slower, consent::delete_slower))
        .routes(routes!(consent::put_quiet, consent::delete_quiet))
        .routes(routes!(
            pause::post_pause,
            pause::delete_pause,
            pause::get_pause
        ))
        .routes(routes!(
            invitations::post_invitation,
            invitations::get_invitations
        ))
        .routes(routes!(invitations::answer_invitation))
        .routes(routes!(checkins::get_current_checkin))
        .routes(routes!(checkins::put_checkin_answers))
        .routes(routes!(
            checkins::get_checkin_cadence,
            checkins::put_checkin_cadence
        ))
        .routes(routes!(checkins::get_checkin_round))
        .routes(routes!(calendar::get_calendar))
        .routes(routes!(calendar::rotate_calendar))
        .routes(routes!(plans::create_plan, plans::list_plans))
        .routes(routes!(plans::plan_options))
        .routes(routes!(plans::get_plan))
        .routes(routes!(plans::confirm_plan))
        .routes(routes!(plans::withdraw_plan))
        .routes(routes!(plans::put_debrief))
        .routes(routes!(plans::get_debriefs))
        .routes(routes!(plans::add_follow_up))
        .routes(routes!(desire_log::get_log, desire_log::add_log_entry))
        .routes(routes!(desire_log::consent_log_entry))
        .routes(routes!(desire_log::decline_log_entry))
        .routes(routes!(coach::coach))
}

/// The API mounted under `/api/v1`, plus the OpenAPI document itself.
pub fn mounted() -> axum::Router<AppState> {
    let (router, openapi) = router().split_for_parts();
    let doc = openapi_json(openapi);
    axum::Router::new().nest(
        "/api/v1",
        router.route(
            "/openapi.json",
            get(move || std::future::ready(Json(doc.clone()))),
        ),
    )
}

/// The OpenAPI document as JSON (also used by the snapshot test).
pub fn openapi_json(openapi: utoipa::openapi::OpenApi) -> serde_json::Value {
    serde_json::to_value(&openapi).unwrap_or(serde_json::Value::Null)
}

/// The OpenAPI document, built from the route registrations.
pub fn openapi() -> serde_json::Value {
    openapi_json(router().split_for_parts().1)
}
