//! Static assets compiled into the binary: styles, small scripts, the manifest and the icon.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

const FILES: &[(&str, &str, &[u8])] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/app.css"),
    ),
    (
        "away.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/away.css"),
    ),
    (
        "quick-exit.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/quick-exit.js"),
    ),
    (
        "coach.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/coach.js"),
    ),
    (
        "autosave.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/autosave.js"),
    ),
    (
        "enhance.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/enhance.js"),
    ),
    (
        "pause.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/pause.js"),
    ),
    (
        "manifest.webmanifest",
        "application/manifest+json",
        include_bytes!("../../static/manifest.webmanifest"),
    ),
    (
        "icon.svg",
        "image/svg+xml",
        include_bytes!("../../static/icon.svg"),
    ),
];

/// Serves `/static/{name}`.
pub async fn serve(Path(name): Path<String>) -> Response {
    match FILES.iter().find(|(n, _, _)| *n == name) {
        Some((_, mime, body)) => ([(header::CONTENT_TYPE, *mime)], *body).into_response(),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}
