//! Back-off after failed logins, the same for existing and unknown usernames.

/// Failures allowed before any waiting starts.
pub const FREE_ATTEMPTS: u32 = 3;
/// The longest wait, in seconds.
pub const MAX_WAIT_SECS: i64 = 15 * 60;

/// Seconds to wait before the next attempt after `failures` consecutive failures:
/// none for the first few, then doubling from 2 s up to 15 minutes.
pub fn wait_after(failures: u32) -> i64 {
    if failures < FREE_ATTEMPTS {
        return 0;
    }
    let exp = (failures - FREE_ATTEMPTS).min(20);
    (2i64 << exp).min(MAX_WAIT_SECS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_doubles_and_is_capped() {
        assert_eq!(wait_after(0), 0);
        assert_eq!(wait_after(2), 0);
        assert_eq!(wait_after(3), 2);
        assert_eq!(wait_after(4), 4);
        assert_eq!(wait_after(40), MAX_WAIT_SECS);
    }
}
