//! Symmetric key types: `Key32` and the role-named newtypes around it.

use std::fmt;

use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::random;

/// Length in bytes of every symmetric key in this crate.
pub const KEY_LEN: usize = 32;

/// Anything that is a 32-byte symmetric key. Implemented by [`Key32`] and
/// every role newtype, so functions can accept any of them.
pub trait SymmetricKey {
    /// The raw key bytes.
    fn key_bytes(&self) -> &[u8; KEY_LEN];
}

/// A 32-byte symmetric key; zeroized on drop; `Debug` is redacted.
/// Used for every symmetric role.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct Key32([u8; KEY_LEN]);

impl Key32 {
    /// A fresh key from the operating system's random generator.
    ///
    /// # Panics
    /// If the operating system's random generator fails.
    #[must_use]
    pub fn random() -> Self {
        let mut k = Self([0u8; KEY_LEN]);
        random::fill(&mut k.0);
        k
    }

    /// Wraps existing key bytes.
    #[must_use]
    pub fn from_bytes(b: [u8; KEY_LEN]) -> Self {
        Self(b)
    }

    /// The raw key bytes. Handle with care.
    #[must_use]
    pub fn expose(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// An all-zero key to derive into in place, so no stray copy is left behind.
    pub(crate) fn zeroed() -> Self {
        Self([0u8; KEY_LEN])
    }

    /// Mutable access for in-place derivation.
    pub(crate) fn bytes_mut(&mut self) -> &mut [u8; KEY_LEN] {
        &mut self.0
    }
}

impl SymmetricKey for Key32 {
    fn key_bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }
}

impl fmt::Debug for Key32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key32([redacted])")
    }
}

macro_rules! role_key {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Zeroize, ZeroizeOnDrop)]
        pub struct $name(Key32);

        impl $name {
            /// A fresh key from the operating system's random generator.
            ///
            /// # Panics
            /// If the operating system's random generator fails.
            #[must_use]
            pub fn random() -> Self {
                Self(Key32::random())
            }

            /// Wraps existing key bytes.
            #[must_use]
            pub fn from_bytes(b: [u8; KEY_LEN]) -> Self {
                Self(Key32::from_bytes(b))
            }

            /// The raw key bytes. Handle with care.
            #[must_use]
            pub fn expose(&self) -> &[u8; KEY_LEN] {
                self.0.expose()
            }
        }

        impl From<Key32> for $name {
            fn from(k: Key32) -> Self {
                Self(k)
            }
        }

        impl SymmetricKey for $name {
            fn key_bytes(&self) -> &[u8; KEY_LEN] {
                self.0.expose()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($name), "([redacted])"))
            }
        }
    };
}

role_key!(
    /// A user's own key: opens the user's private envelopes and wraps the
    /// user's X25519 private key. Stored only wrapped (under the password KEK,
    /// the recovery key and each live session key).
    UserKey
);
role_key!(
    /// A space's (relationship's) key: opens shared envelopes of that space.
    /// Each member holds it sealed to their public key.
    RelationshipKey
);
role_key!(
    /// A key whose only job is to wrap another key: derived from a password,
    /// a recovery code or an invite code.
    KeyEncryptionKey
);
role_key!(
    /// The key carried in a session token; the server stores the UserKey
    /// wrapped under it for the session's lifetime.
    SessionKey
);
role_key!(
    /// Key of a server-enforced envelope, derived from a RelationshipKey and
    /// the server secret (see [`crate::ServerSecret::enforced_key`]).
    EnforcedKey
);
