//! When a pending change applies (C3, invariant 2): only when every current member of the space
//! has confirmed it. There is deliberately no time in this rule: silence, waiting and timeouts
//! never count as a yes. A single decline ends the change (the service records it).

use std::collections::BTreeSet;

/// Where a pending change stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Still waiting for these members (ids, in the order given).
    Waiting(Vec<String>),
    /// Every member has confirmed: the change applies now.
    Applies,
}

/// Decides from the current members and the confirmations so far. Confirmations by people who
/// are not (or no longer) members count for nothing; a space with no members never applies.
pub fn outcome(members: &[String], confirmed: &[String]) -> Outcome {
    let confirmed: BTreeSet<&str> = confirmed.iter().map(String::as_str).collect();
    let missing: Vec<String> = members
        .iter()
        .filter(|m| !confirmed.contains(m.as_str()))
        .cloned()
        .collect();
    if members.is_empty() || !missing.is_empty() {
        Outcome::Waiting(missing)
    } else {
        Outcome::Applies
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn applies_only_when_everyone_confirmed() {
        let members = ids(&["a", "b", "c"]);
        assert_eq!(
            outcome(&members, &ids(&["a", "b"])),
            Outcome::Waiting(ids(&["c"]))
        );
        assert_eq!(outcome(&members, &ids(&["c", "a", "b"])), Outcome::Applies);
    }

    #[test]
    fn outsiders_and_empty_spaces_never_make_it_apply() {
        assert_eq!(
            outcome(&ids(&["a", "b"]), &ids(&["a", "x"])),
            Outcome::Waiting(ids(&["b"]))
        );
        assert_eq!(outcome(&[], &ids(&["a"])), Outcome::Waiting(vec![]));
    }
}
