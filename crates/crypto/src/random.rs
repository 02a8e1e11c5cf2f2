//! Randomness from the operating system, and nothing else.

use crate::error::{CryptoError, Result};

/// Fills `buf` with bytes from the operating system's random number generator.
///
/// # Errors
/// [`CryptoError::Random`] if the operating system refuses.
pub fn fill_random(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf).map_err(|_| CryptoError::Random)
}

/// Fills `buf` with random bytes, panicking if the operating system refuses.
///
/// SECURITY: a failing OS random generator leaves no safe way to go on; we
/// stop rather than risk handing out predictable keys or nonces.
pub(crate) fn fill(buf: &mut [u8]) {
    fill_random(buf).expect("operating system random number generator failed");
}

/// Returns `N` random bytes (panics like [`fill`]).
pub(crate) fn array<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    fill(&mut out);
    out
}
