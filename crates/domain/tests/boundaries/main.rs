//! Property tests of the boundary rules (C1, C3, C4): what tightens and what loosens, when a
//! pending change applies, and the history diff.

mod confirm;
mod diff;
mod direction;
