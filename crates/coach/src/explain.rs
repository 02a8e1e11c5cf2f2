//! The one-sentence explanation shown for each kind of flag.

use crate::FlagKind;

/// A warm, plain, one-sentence explanation for `kind`.
pub(crate) fn explanation(kind: FlagKind) -> &'static str {
    match kind {
        FlagKind::Absolute => {
            "Words like \"always\" and \"never\" can leave your partner arguing about the exceptions instead of hearing what you need."
        }
        FlagKind::Blame => {
            "Fault and labels tend to make people defend themselves, while saying how it landed for you is easier to hear."
        }
        FlagKind::Pressure => {
            "This could feel like pressure, and a yes only means something when a no would be just as welcome."
        }
        FlagKind::MindReading => {
            "This speaks for what your partner thinks or wants, so asking them might get you closer to the truth."
        }
        FlagKind::Generalisation => {
            "What people in general supposedly do says little about the two of you, so speaking for yourself may land better."
        }
        FlagKind::Dismissive => {
            "This might make your partner's feelings or limits sound small, even if that isn't what you mean."
        }
    }
}
