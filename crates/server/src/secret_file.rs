//! The server secret file: created on first run with owner-only permissions, read on every start.

use std::io::Write;
use std::path::Path;

use attune_crypto::ServerSecret;

/// Whether the secret was just created (the CLI then says where it is and to back it up).
pub enum SecretOrigin {
    /// Read from an existing file.
    Existing,
    /// Created now.
    Created,
}

/// Reads the secret at `path`, creating it if the file does not exist.
pub fn load_or_create(path: &Path) -> anyhow::Result<(ServerSecret, SecretOrigin)> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let secret = ServerSecret::from_bytes(&bytes).map_err(|_| {
                anyhow::anyhow!(
                    "the server secret at {} is not 32 bytes; restore it from your backup",
                    path.display()
                )
            })?;
            Ok((secret, SecretOrigin::Existing))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent()
                && !dir.as_os_str().is_empty()
                && !dir.exists()
            {
                std::fs::create_dir_all(dir)?;
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
                }
            }
            let secret = ServerSecret::generate();
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                // SECURITY: the pepper unlocks every account's keys together with passwords;
                // only the server's user may read it.
                options.mode(0o600);
            }
            let mut file = options.open(path)?;
            file.write_all(secret.expose())?;
            file.sync_all()?;
            Ok((secret, SecretOrigin::Created))
        }
        Err(e) => Err(anyhow::anyhow!(
            "cannot read the server secret at {}: {e}",
            path.display()
        )),
    }
}
