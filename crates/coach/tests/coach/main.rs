//! Integration tests for the language coach.

mod json_shape;
mod kinds_are_caught;
mod model;
mod never_flagged;
mod never_panics;
mod quality_guard;
mod round3_families;
mod round4_families;
mod spans;
