//! When a signed-in session is still alive: idle timeout and absolute lifetime.

use crate::UnixTime;

/// How long sessions may live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    /// Seconds without a request after which the session ends (default 30 minutes).
    pub idle_secs: i64,
    /// Seconds after sign-in after which the session ends regardless (default 12 hours).
    pub absolute_secs: i64,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy {
            idle_secs: 30 * 60,
            absolute_secs: 12 * 60 * 60,
        }
    }
}

/// What became of a session at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionState {
    /// Still usable.
    Alive,
    /// Ended by inactivity.
    Idle,
    /// Ended by its absolute lifetime.
    Expired,
}

impl SessionPolicy {
    /// The state of a session created at `created` and last used at `last_seen`.
    pub fn state(&self, created: UnixTime, last_seen: UnixTime, now: UnixTime) -> SessionState {
        if now - created >= self.absolute_secs {
            SessionState::Expired
        } else if now - last_seen >= self.idle_secs {
            SessionState::Idle
        } else {
            SessionState::Alive
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_ends_after_idle_time_or_lifetime() {
        let p = SessionPolicy::default();
        assert_eq!(p.state(0, 0, 60), SessionState::Alive);
        assert_eq!(p.state(0, 0, 30 * 60), SessionState::Idle);
        assert_eq!(p.state(0, 12 * 3600 - 1, 12 * 3600), SessionState::Expired);
    }
}
