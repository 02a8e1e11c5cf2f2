//! Integration tests of the desire inventory's matching, reveal rounds and honesty guard (B2–B7).

mod common;
mod honesty;
mod matching;
mod rounds;
