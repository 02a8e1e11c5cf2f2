//! Attune's web application: HTML pages and the JSON API over shared services.
//!
//! Where things live (see `docs/ARCHITECTURE.md` for the whole map):
//! - [`services`]: every capability, once — the only place calling domain, crypto and store together.
//! - [`pages`]: HTML pages (askama templates in `templates/`); [`api`]: the JSON API and its OpenAPI.
//! - [`web`]: HTTP plumbing — headers, CSRF, limits, extractors, static files.
//! - [`app`]: assembling the router and serving it; [`config`]: settings.

pub mod api;
pub mod app;
pub mod clock;
pub mod config;
pub mod error;
pub mod kdf_pool;
pub mod pages;
pub mod secret_file;
pub mod services;
pub mod state;
pub mod web;

pub use app::{Server, build_router, start};
pub use config::Config;
