//! Padding to size buckets.

use attune_crypto::{pad, padded_len, unpad};
use proptest::prelude::*;

proptest! {
    #[test]
    fn pad_then_unpad_returns_the_plaintext(plain in proptest::collection::vec(any::<u8>(), 0..5000)) {
        let padded = pad(&plain);
        prop_assert_eq!(padded.len(), padded_len(plain.len()));
        prop_assert_eq!(unpad(&padded).unwrap(), plain);
    }

    #[test]
    fn unpad_refuses_bytes_pad_cannot_produce(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(plain) = unpad(&bytes) {
            prop_assert_eq!(pad(&plain), bytes);
        }
    }
}

#[test]
fn buckets_are_powers_of_two_then_multiples_of_64_kib() {
    assert_eq!(padded_len(0), 64);
    assert_eq!(padded_len(56), 64);
    assert_eq!(padded_len(57), 128);
    assert_eq!(padded_len(1000), 1024);
    assert_eq!(padded_len(65536 - 8), 65536);
    assert_eq!(padded_len(65536 - 7), 2 * 65536);
    assert_eq!(padded_len(3 * 65536), 4 * 65536);
}

#[test]
fn nonzero_padding_is_refused() {
    let mut padded = pad(b"hi");
    *padded.last_mut().unwrap() = 1;
    assert!(unpad(&padded).is_err());
    assert!(unpad(&[]).is_err());
}
