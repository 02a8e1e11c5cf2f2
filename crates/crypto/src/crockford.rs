//! Internal Crockford base32 encoding for human-typed codes.

use zeroize::Zeroizing;

use crate::error::{CryptoError, Result};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Value of one symbol, after the lenient mappings (case, O→0, I/L→1).
fn symbol_value(c: u8) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        b'O' => b'0',
        b'I' | b'L' => b'1',
        other => other,
    };
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u8)
}

/// Encodes `bytes` MSB-first into `chars` symbols (trailing bits are zero).
pub(crate) fn encode(bytes: &[u8], chars: usize) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(chars));
    for i in 0..chars {
        let mut v = 0u8;
        for j in 0..5 {
            let bit = i * 5 + j;
            let b = bytes
                .get(bit / 8)
                .map_or(0, |byte| (byte >> (7 - bit % 8)) & 1);
            v = (v << 1) | b;
        }
        out.push(ALPHABET[v as usize] as char);
    }
    out
}

/// Groups `s` with dashes: groups of `size`, the last one possibly shorter.
pub(crate) fn group(s: &str, size: usize) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / size);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && i % size == 0 {
            out.push('-');
        }
        out.push(c);
    }
    out
}

/// Decodes exactly `chars` symbols into `N` bytes, ignoring ASCII whitespace
/// and dashes. Bits beyond `N * 8` must be zero, and so must bits of the
/// output beyond `chars * 5`.
pub(crate) fn decode<const N: usize>(
    s: &str,
    chars: usize,
    what: &'static str,
) -> Result<Zeroizing<[u8; N]>> {
    let mut out = Zeroizing::new([0u8; N]);
    let mut count = 0usize;
    for c in s.bytes() {
        if c == b'-' || c.is_ascii_whitespace() {
            continue;
        }
        // SECURITY: the error names only which kind of code was refused,
        // never the typed text.
        let v = symbol_value(c).ok_or(CryptoError::Malformed(what))?;
        if count >= chars {
            return Err(CryptoError::Malformed(what));
        }
        for j in 0..5 {
            let bit = count * 5 + j;
            let b = (v >> (4 - j)) & 1;
            if bit / 8 < N {
                out[bit / 8] |= b << (7 - bit % 8);
            } else if b != 0 {
                return Err(CryptoError::Malformed(what));
            }
        }
        count += 1;
    }
    if count != chars {
        return Err(CryptoError::Malformed(what));
    }
    Ok(out)
}
