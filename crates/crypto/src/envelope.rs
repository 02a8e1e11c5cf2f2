//! Envelopes: how a record's content is encrypted at rest.

use zeroize::Zeroizing;

use crate::aead::{self, NONCE_LEN, TAG_LEN};
use crate::error::{CryptoError, Result};
use crate::keys::{Key32, SymmetricKey};
use crate::padding;
use crate::wrap::{WRAPPED_KEY_LEN, unwrap_key, wrap_key};

/// Format version of envelopes.
const ENVELOPE_VERSION: u8 = 1;
/// version(1) || kind(1) || key_version(4).
const HEADER_LEN: usize = 6;
const MIN_LEN: usize = HEADER_LEN + WRAPPED_KEY_LEN + NONCE_LEN + TAG_LEN;
const AAD_LABEL: &[u8] = b"attune envelope v1";

/// The three envelope kinds of the design.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EnvelopeKind {
    /// Readable only with the owner's UserKey.
    Private,
    /// Readable with the space's RelationshipKey, so by every member.
    Shared,
    /// Readable with an [`crate::EnforcedKey`]: the server decides who sees it.
    ServerEnforced,
}

impl EnvelopeKind {
    /// The byte stored in the envelope header.
    #[must_use]
    pub fn to_byte(self) -> u8 {
        match self {
            Self::Private => 1,
            Self::Shared => 2,
            Self::ServerEnforced => 3,
        }
    }

    /// Parses a header byte.
    ///
    /// # Errors
    /// [`CryptoError::Malformed`] for an unknown byte.
    pub fn from_byte(b: u8) -> Result<Self> {
        match b {
            1 => Ok(Self::Private),
            2 => Ok(Self::Shared),
            3 => Ok(Self::ServerEnforced),
            _ => Err(CryptoError::Malformed("envelope kind")),
        }
    }
}

/// Associated data binding an envelope to its place; any mismatch makes
/// [`open`] fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Aad<'a> {
    /// Which kind of envelope.
    pub kind: EnvelopeKind,
    /// What the content is for (e.g. "journal entry").
    pub purpose: &'a str,
    /// Database table holding the envelope.
    pub table: &'a str,
    /// Row the envelope belongs to.
    pub row_id: &'a str,
    /// User who owns the row.
    pub owner: &'a str,
    /// Space (relationship) the row belongs to; empty if none.
    pub space: &'a str,
    /// Version of the key the envelope is sealed under.
    pub key_version: u32,
}

impl Aad<'_> {
    /// The unambiguous byte encoding authenticated by the AEAD: a label, the
    /// kind byte, the key version, then each string prefixed with its length.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(
            AAD_LABEL.len()
                + 5
                + 48
                + self.purpose.len()
                + self.table.len()
                + self.row_id.len()
                + self.owner.len()
                + self.space.len(),
        );
        // SECURITY: length prefixes make the encoding injective, so moving
        // bytes from one field to the next ("ab","c" vs "a","bc") changes it.
        aead::encode_parts(&mut out, &[AAD_LABEL]);
        out.push(self.kind.to_byte());
        out.extend_from_slice(&self.key_version.to_be_bytes());
        aead::encode_parts(
            &mut out,
            &[
                self.purpose.as_bytes(),
                self.table.as_bytes(),
                self.row_id.as_bytes(),
                self.owner.as_bytes(),
                self.space.as_bytes(),
            ],
        );
        out
    }
}

/// Seals `plaintext` for the place described by `aad`.
///
/// A fresh random content key is made per record and wrapped under `key`;
/// the plaintext is length-prefixed and padded to a size bucket, then
/// encrypted with XChaCha20-Poly1305.
///
/// Format: version(1) || kind(1) || key_version(u32 BE) || wrapped content
/// key (73) || nonce(24) || ciphertext+tag.
///
/// # Panics
/// If the operating system's random generator fails.
#[must_use]
pub fn seal(key: &impl SymmetricKey, aad: &Aad<'_>, plaintext: &[u8]) -> Vec<u8> {
    let ad = aad.to_bytes();
    // SECURITY: a per-record content key means a key-version rotation only
    // rewraps 73 bytes per record, and no two records share a content key.
    let content_key = Key32::random();
    let wrapped = wrap_key(key, content_key.expose(), &ad);
    let mut padded = Zeroizing::new(Vec::with_capacity(padding::padded_len(plaintext.len())));
    padding::pad_into(plaintext, &mut padded);
    let nonce = aead::random_nonce();
    let mut out = Vec::with_capacity(MIN_LEN + padded.len());
    out.push(ENVELOPE_VERSION);
    out.push(aad.kind.to_byte());
    out.extend_from_slice(&aad.key_version.to_be_bytes());
    out.extend_from_slice(&wrapped);
    out.extend_from_slice(&nonce);
    aead::encrypt_into(content_key.expose(), &nonce, &ad, &padded, &mut out);
    out
}

/// Opens an envelope made by [`seal`] with the same key and the same `aad`.
///
/// # Errors
/// [`CryptoError::Malformed`] for a truncated envelope or unknown version,
/// [`CryptoError::Decrypt`] for a wrong key, any `aad` mismatch or tampering.
pub fn open(key: &impl SymmetricKey, aad: &Aad<'_>, envelope: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let key_version = envelope_key_version(envelope)?;
    let kind = EnvelopeKind::from_byte(envelope[1])?;
    if kind != aad.kind || key_version != aad.key_version {
        return Err(CryptoError::Decrypt);
    }
    let ad = aad.to_bytes();
    let rest = &envelope[HEADER_LEN..];
    let (wrapped, rest) = rest.split_at(WRAPPED_KEY_LEN);
    let (nonce, ct) = rest.split_at(NONCE_LEN);
    let content_key = unwrap_key(key, wrapped, &ad)?;
    let mut padded = aead::decrypt(content_key.expose(), nonce, &ad, ct)?;
    let range = padding::unpadded_range(&padded)?;
    padded.copy_within(range.clone(), 0);
    padded.truncate(range.len());
    Ok(padded)
}

/// Reads the key version from an envelope header without decrypting, to pick
/// the right RelationshipKey version.
///
/// # Errors
/// [`CryptoError::Malformed`] for a truncated envelope or unknown version.
pub fn envelope_key_version(envelope: &[u8]) -> Result<u32> {
    if envelope.len() < MIN_LEN {
        return Err(CryptoError::Malformed("envelope too short"));
    }
    if envelope[0] != ENVELOPE_VERSION {
        return Err(CryptoError::Malformed("envelope version"));
    }
    let mut kv = [0u8; 4];
    kv.copy_from_slice(&envelope[2..HEADER_LEN]);
    Ok(u32::from_be_bytes(kv))
}
