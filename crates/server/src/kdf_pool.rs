//! Runs Argon2id on blocking threads, a few at a time, reusing their working memory during a
//! burst and giving it back once logins go quiet.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use attune_crypto::{KdfMemory, KdfProfile, PasswordKeys, ServerSecret};
use tokio::sync::Semaphore;

use crate::error::{AppError, AppResult};

/// How many Argon2 working buffers may wait between logins for the next one.
const SPARE_BUFFERS: usize = 1;

/// A spare buffer unused this long is freed, so an idle server holds no 64 MiB block.
pub const SPARE_LIFETIME: Duration = Duration::from_secs(10);

/// How long a login may wait for a free hashing slot before getting 429.
const QUEUE_WAIT: Duration = Duration::from_secs(5);

/// A bounded pool of Argon2 workers.
#[derive(Clone)]
pub struct KdfPool {
    permits: Arc<Semaphore>,
    spares: Arc<Mutex<Vec<(KdfMemory, Instant)>>>,
    secret: Arc<ServerSecret>,
    queue_wait: Duration,
    /// The profile new password material is created with.
    pub profile: KdfProfile,
}

impl KdfPool {
    /// A pool running at most `concurrency` hashes at once.
    pub fn new(secret: Arc<ServerSecret>, profile: KdfProfile, concurrency: usize) -> Self {
        KdfPool {
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
            spares: Arc::new(Mutex::new(Vec::new())),
            secret,
            queue_wait: QUEUE_WAIT,
            profile,
        }
    }

    /// Derives the password keys, waiting for a slot at most a few seconds.
    pub async fn derive(
        &self,
        password: &[u8],
        salt: [u8; 16],
        profile: KdfProfile,
    ) -> AppResult<PasswordKeys> {
        // SECURITY: Argon2 is deliberately expensive; capping concurrent runs keeps a login burst
        // from exhausting memory, and the overflow is told to come back later (with jitter, so
        // the refused clients do not all return at the same moment).
        let permit = tokio::time::timeout(self.queue_wait, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| AppError::TooMany(retry_after()))?
            .map_err(|e| AppError::Internal(e.into()))?;
        let password = zeroize::Zeroizing::new(password.to_vec());
        let pool = self.clone();
        let result = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut memory = pool
                .spares
                .lock()
                .ok()
                .and_then(|mut m| m.pop())
                .map(|(m, _)| m)
                .unwrap_or_else(|| KdfMemory::new(profile));
            let keys = attune_crypto::derive_password_keys(
                &pool.secret,
                &password,
                &salt,
                profile,
                &mut memory,
            );
            if let Ok(mut m) = pool.spares.lock()
                && m.len() < SPARE_BUFFERS
            {
                m.push((memory, Instant::now()));
            }
            keys
        })
        .await
        .map_err(|e| AppError::Internal(e.into()))??;
        Ok(result)
    }

    /// Frees spare buffers unused for longer than `max_idle`; returns how many were freed.
    pub fn trim(&self, max_idle: Duration) -> usize {
        let Ok(mut spares) = self.spares.lock() else {
            return 0;
        };
        let before = spares.len();
        spares.retain(|(_, since)| since.elapsed() < max_idle);
        before - spares.len()
    }

    /// How many spare buffers are held now.
    pub fn spares(&self) -> usize {
        self.spares.lock().map(|s| s.len()).unwrap_or(0)
    }
}

/// Seconds a refused login should wait: 2 to 6, spread at random.
fn retry_after() -> u64 {
    let mut b = [0u8; 1];
    let _ = attune_crypto::fill_random(&mut b);
    2 + u64::from(b[0] % 5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_spare_buffer_is_reused_then_freed_when_idle() {
        let pool = KdfPool::new(Arc::new(ServerSecret::generate()), KdfProfile::TEST, 1);
        pool.derive(b"a password", [1; 16], KdfProfile::TEST)
            .await
            .unwrap();
        assert_eq!(pool.spares(), 1);
        assert_eq!(pool.trim(Duration::from_secs(3600)), 0);
        assert_eq!(pool.trim(Duration::ZERO), 1);
        assert_eq!(pool.spares(), 0);
    }

    #[tokio::test]
    async fn a_login_that_cannot_get_a_hashing_slot_is_told_to_retry_later() {
        let mut pool = KdfPool::new(Arc::new(ServerSecret::generate()), KdfProfile::TEST, 1);
        pool.queue_wait = Duration::from_millis(50);
        let busy = pool.permits.clone().acquire_owned().await.unwrap();
        match pool.derive(b"a password", [1; 16], KdfProfile::TEST).await {
            Err(AppError::TooMany(secs)) => assert!((2..=6).contains(&secs)),
            Err(e) => panic!("expected 429, got {e:?}"),
            Ok(_) => panic!("expected 429, got a result"),
        }
        drop(busy);
        assert!(
            pool.derive(b"a password", [1; 16], KdfProfile::TEST)
                .await
                .is_ok()
        );
    }

    #[test]
    fn retry_after_stays_between_two_and_six_seconds() {
        for _ in 0..100 {
            assert!((2..=6).contains(&retry_after()));
        }
    }
}
