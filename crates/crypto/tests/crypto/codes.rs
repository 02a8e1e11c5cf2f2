//! Recovery codes and invite codes.

use attune_crypto::{InviteCode, RecoveryCode, ServerSecret};
use proptest::prelude::*;

fn messy(display: &str, lower_mask: u64, sep: usize) -> String {
    let seps = ["-", " ", "", " - "];
    display
        .split('-')
        .map(|group| {
            group
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if lower_mask >> (i % 64) & 1 == 1 {
                        c.to_ascii_lowercase()
                    } else {
                        c
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(seps[sep % seps.len()])
}

proptest! {
    #[test]
    fn a_recovery_code_survives_display_and_parse_in_any_case_and_spacing(
        lower_mask in any::<u64>(),
        sep in 0usize..4,
    ) {
        let code = RecoveryCode::generate();
        let shown = code.display();
        let again = RecoveryCode::parse(&messy(&shown, lower_mask, sep)).unwrap();
        prop_assert_eq!(again.display(), shown);
    }

    #[test]
    fn an_invite_code_survives_display_and_parse_in_any_case_and_spacing(
        lower_mask in any::<u64>(),
        sep in 0usize..4,
    ) {
        let code = InviteCode::generate();
        let shown = code.display();
        let again = InviteCode::parse(&messy(&shown, lower_mask, sep)).unwrap();
        prop_assert_eq!(again.display(), shown);
    }

    #[test]
    fn garbage_is_refused_as_a_recovery_code(s in "\\PC{0,40}") {
        // Either refused, or a genuinely valid code that displays back the same symbols.
        if let Ok(code) = RecoveryCode::parse(&s) {
            let cleaned: String = s
                .chars()
                .filter(|c| *c != '-' && !c.is_ascii_whitespace())
                .map(|c| match c.to_ascii_uppercase() {
                    'O' => '0',
                    'I' | 'L' => '1',
                    other => other,
                })
                .collect();
            prop_assert_eq!(code.display().replace('-', ""), cleaned);
        }
    }

    #[test]
    fn codes_with_a_forbidden_letter_are_refused(pos in 0usize..26, letter in prop::sample::select(vec!['U', 'u', '!', '*', '=', 'é'])) {
        let shown = RecoveryCode::generate().display().replace('-', "");
        let mut chars: Vec<char> = shown.chars().collect();
        chars[pos] = letter;
        let s: String = chars.into_iter().collect();
        prop_assert!(RecoveryCode::parse(&s).is_err());
    }
}

#[test]
fn recovery_codes_look_as_documented() {
    let shown = RecoveryCode::generate().display();
    let symbols: String = shown.replace('-', "");
    assert_eq!(symbols.len(), 26);
    assert!(shown.split('-').all(|g| g.len() == 4 || g.len() == 2));
    assert!(
        symbols
            .chars()
            .all(|c| "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c))
    );
}

#[test]
fn invite_codes_look_as_documented() {
    let shown = InviteCode::generate().display();
    assert_eq!(shown.len(), 23);
    assert!(shown.split('-').all(|g| g.len() == 5));
    assert_eq!(shown.split('-').count(), 4);
}

#[test]
fn ambiguous_letters_are_read_as_digits() {
    let zeros = "0".repeat(26);
    let code = RecoveryCode::parse(&"o".repeat(26)).unwrap();
    assert_eq!(code.display().replace('-', ""), zeros);
    let ones = RecoveryCode::parse("IL1iIL1iIL1iIL1iIL1iIL1i10").unwrap();
    assert_eq!(
        ones.display().replace('-', ""),
        format!("{}0", "1".repeat(25))
    );
}

#[test]
fn wrong_lengths_and_nonzero_trailing_bits_are_refused() {
    assert!(RecoveryCode::parse("").is_err());
    assert!(RecoveryCode::parse(&"0".repeat(25)).is_err());
    assert!(RecoveryCode::parse(&"0".repeat(27)).is_err());
    // 26 symbols carry 130 bits; the last two must be zero.
    assert!(RecoveryCode::parse(&format!("{}1", "0".repeat(25))).is_err());
    assert!(RecoveryCode::parse(&format!("{}4", "0".repeat(25))).is_ok());
    assert!(InviteCode::parse(&"0".repeat(19)).is_err());
    assert!(InviteCode::parse(&"0".repeat(21)).is_err());
    assert!(InviteCode::parse(&"Z".repeat(20)).is_ok());
}

#[test]
fn code_keys_depend_on_the_code_and_the_pepper() {
    let pepper = ServerSecret::generate();
    let other_pepper = ServerSecret::generate();
    let code = RecoveryCode::generate();
    let again = RecoveryCode::parse(&code.display()).unwrap();
    assert_eq!(
        code.wrapping_key(&pepper).expose(),
        again.wrapping_key(&pepper).expose()
    );
    assert_ne!(
        code.wrapping_key(&pepper).expose(),
        code.wrapping_key(&other_pepper).expose()
    );
    assert_ne!(
        code.wrapping_key(&pepper).expose(),
        RecoveryCode::generate().wrapping_key(&pepper).expose()
    );

    let invite = InviteCode::generate();
    let typed = InviteCode::parse(&invite.display().to_lowercase()).unwrap();
    assert_eq!(invite.lookup(&pepper), typed.lookup(&pepper));
    assert_ne!(invite.lookup(&pepper), invite.lookup(&other_pepper));
    assert_eq!(
        invite.wrapping_key(&pepper).expose(),
        typed.wrapping_key(&pepper).expose()
    );
    assert_ne!(
        invite.lookup(&pepper),
        *invite.wrapping_key(&pepper).expose()
    );
    assert!(format!("{invite:?} {code:?}").matches("[redacted]").count() == 2);
}
