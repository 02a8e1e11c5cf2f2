//! A per-address token bucket for login-like endpoints (sign-up, login, recovery).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

/// Allows `per_minute` attempts per client address, refilled smoothly.
pub struct IpLimiter {
    per_minute: f64,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

/// How many addresses are remembered before old entries are dropped.
const MAX_TRACKED: usize = 50_000;

impl IpLimiter {
    /// A limiter allowing `per_minute` attempts per address per minute.
    pub fn new(per_minute: u32) -> Self {
        IpLimiter {
            per_minute: f64::from(per_minute.max(1)),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one attempt for `ip`; `Err(seconds)` says how long to wait.
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        let now = Instant::now();
        let Ok(mut buckets) = self.buckets.lock() else {
            return Ok(());
        };
        if buckets.len() > MAX_TRACKED {
            let full = self.per_minute;
            buckets.retain(|_, (tokens, at)| {
                *tokens + at.elapsed().as_secs_f64() * full / 60.0 < full
            });
        }
        let (tokens, at) = buckets.entry(ip).or_insert((self.per_minute, now));
        let refill = now.duration_since(*at).as_secs_f64() * self.per_minute / 60.0;
        *tokens = (*tokens + refill).min(self.per_minute);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            let wait = ((1.0 - *tokens) * 60.0 / self.per_minute).ceil() as u64;
            Err(wait.max(1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_limited_after_its_allowance() {
        let l = IpLimiter::new(3);
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        assert!(l.check(ip).is_ok());
        assert!(l.check(ip).is_ok());
        assert!(l.check(ip).is_ok());
        assert!(l.check(ip).is_err());
        assert!(l.check("127.0.0.2".parse().unwrap()).is_ok());
    }
}
