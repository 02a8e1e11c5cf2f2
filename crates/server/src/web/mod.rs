//! HTTP plumbing shared by pages and the API: headers, CSRF, limits, extractors, static files.

pub mod auth;
pub mod cookies;
pub mod csrf;
pub mod extract;
pub mod headers;
pub mod observe;
pub mod rate_limit;
pub mod static_files;
