//! Generalisation: sweeping claims about groups ("men always …", "normal couples …").

use super::PatRule;
use crate::tokens::Doc;

/// True when the clause reports someone else's belief before `s` ("I grew up hearing that …").
pub(crate) fn reported_before(doc: &Doc, s: usize) -> bool {
    let start = doc.clause_of(s).map_or(s, |c| c.range.start);
    (start..s).any(|i| {
        matches!(
            doc.word(i),
            "heard"
                | "hearing"
                | "told"
                | "taught"
                | "thought"
                | "believed"
                | "read"
                | "says"
                | "said"
                | "claims"
                | "claimed"
                | "used"
        )
    })
}

/// Kind generalities ("every couple is different") are not sweeping claims.
fn not_kind(doc: &Doc, _s: usize, e: usize) -> bool {
    !(matches!(doc.word(e), "is" | "are" | "has" | "have")
        && matches!(
            doc.word(e + 1),
            "different" | "unique" | "their" | "its" | "a"
        ))
}

/// Words that can follow a bare group noun in a sweeping claim ("men always …").
const VERBISH: &[&str] = &[
    "always",
    "never",
    "are",
    "were",
    "is",
    "do",
    "does",
    "can",
    "could",
    "will",
    "would",
    "should",
    "must",
    "just",
    "only",
    "all",
    "really",
    "want",
    "need",
    "like",
    "love",
    "hate",
    "think",
    "know",
    "get",
    "stop",
    "cheat",
    "lie",
    "overthink",
    "talk",
    "say",
    "who",
    "that",
    "have",
    "expect",
    "secretly",
    "tend",
    "care",
    "only",
    "cannot",
    "act",
    "mean",
];

/// A bare group noun counts only when it opens its clause and is not a determiner's object
/// ("some couples", "my girlfriends").
fn opens_clause(doc: &Doc, s: usize, e: usize) -> bool {
    let at_start = doc.clause_of(s).is_some_and(|c| {
        c.range.start == s
            || (c.range.start + 1 == s
                && matches!(
                    doc.word(s - 1),
                    "honestly" | "because" | "and" | "well" | "so" | "look" | "like"
                ))
    });
    at_start
        && VERBISH.contains(&doc.word(e))
        && e < doc.clause_of(s).map_or(e, |c| c.range.end)
        && not_kind(doc, s, e)
}

/// The rules.
pub(crate) const RULES: &[PatRule] = &[
    PatRule::new("all|every|normal|real|most|typical|regular (@group_plural|@group_singular)")
        .guard(|doc, s, e| (s == 0 || !matches!(doc.word(s - 1), "a" | "an" | "the" | "my" | "our")) && not_kind(doc, s, e)),
    PatRule::new("@group_plural").guard(opens_clause),
    PatRule::new("(everyone|everybody) (knows|does|do|wants|thinks|agrees|says|would|is doing|does it|loves|likes|cheats|lies)"),
    PatRule::new("(nobody|no one) (waits|does|wants|likes|talks|cares|needs|would|thinks|agrees|does that|lives)").keep_negated(),
    PatRule::new("that is (just)? what (@group_plural) (do|are|want|say|like|need)"),
    PatRule::new("(men|women|guys|girls|boys) (are|will be) (all|just|like that|boys|girls)").keep_negated(),
    PatRule::new("that is (just)? how (@group_plural) (are|work|think|do|roll)"),
    PatRule::new("like all|every|most (@group_plural|@group_singular)"),
];
