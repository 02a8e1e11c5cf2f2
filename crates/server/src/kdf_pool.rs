//! Runs Argon2id on blocking threads, a few at a time, reusing their working memory.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use attune_crypto::{KdfMemory, KdfProfile, PasswordKeys, ServerSecret};
use tokio::sync::Semaphore;

use crate::error::{AppError, AppResult};

/// How many Argon2 working buffers stay allocated between logins.
const IDLE_BUFFERS: usize = 1;

/// How long a login may wait for a free hashing slot before getting 429.
const QUEUE_WAIT: Duration = Duration::from_secs(5);

/// A bounded pool of Argon2 workers.
#[derive(Clone)]
pub struct KdfPool {
    permits: Arc<Semaphore>,
    memory: Arc<Mutex<Vec<KdfMemory>>>,
    secret: Arc<ServerSecret>,
    /// The profile new password material is created with.
    pub profile: KdfProfile,
}

impl KdfPool {
    /// A pool running at most `concurrency` hashes at once.
    pub fn new(secret: Arc<ServerSecret>, profile: KdfProfile, concurrency: usize) -> Self {
        let concurrency = concurrency.max(1);
        KdfPool {
            permits: Arc::new(Semaphore::new(concurrency)),
            memory: Arc::new(Mutex::new(Vec::new())),
            secret,
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
        // from exhausting memory, and the overflow is told to come back later.
        let permit = tokio::time::timeout(QUEUE_WAIT, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| AppError::TooMany(2))?
            .map_err(|e| AppError::Internal(e.into()))?;
        let password = zeroize::Zeroizing::new(password.to_vec());
        let pool = self.clone();
        let result = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut memory = pool
                .memory
                .lock()
                .ok()
                .and_then(|mut m| m.pop())
                .unwrap_or_else(|| KdfMemory::new(profile));
            let keys = attune_crypto::derive_password_keys(
                &pool.secret,
                &password,
                &salt,
                profile,
                &mut memory,
            );
            // Keep one buffer warm for the next login; extra ones from a burst are freed, so the
            // server's memory falls back once the burst is over.
            if let Ok(mut m) = pool.memory.lock()
                && m.len() < IDLE_BUFFERS
            {
                m.push(memory);
            }
            keys
        })
        .await
        .map_err(|e| AppError::Internal(e.into()))??;
        Ok(result)
    }
}
