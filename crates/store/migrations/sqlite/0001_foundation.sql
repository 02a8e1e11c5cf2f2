-- Accounts, sessions, spaces, members, space keys, invites, login throttle.
-- Every user-written value is ciphertext (BLOB); the server secret never enters the database.
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username_index BLOB NOT NULL UNIQUE,
    username_sealed BLOB NOT NULL,
    kdf_profile TEXT NOT NULL,
    kdf_salt BLOB NOT NULL,
    verifier_digest BLOB NOT NULL,
    uk_by_password BLOB NOT NULL,
    uk_by_recovery BLOB NOT NULL,
    public_key BLOB NOT NULL,
    private_key_wrapped BLOB NOT NULL,
    prefs_sealed BLOB NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
    id_digest BLOB PRIMARY KEY,
    handle TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    uk_wrapped BLOB NOT NULL,
    device_sealed BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE login_throttle (
    key BLOB PRIMARY KEY,
    failures INTEGER NOT NULL,
    next_allowed_at INTEGER NOT NULL
);

CREATE TABLE spaces (
    id TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    key_version INTEGER NOT NULL,
    name_sealed BLOB NOT NULL
);

CREATE TABLE members (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    joined_at INTEGER NOT NULL,
    profile_sealed BLOB NOT NULL,
    UNIQUE (space_id, user_id)
);
CREATE INDEX members_by_user ON members(user_id);

CREATE TABLE space_keys (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    key_version INTEGER NOT NULL,
    sealed_key BLOB NOT NULL,
    PRIMARY KEY (space_id, user_id, key_version)
);

CREATE TABLE invites (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    created_by TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    lookup BLOB NOT NULL UNIQUE,
    key_wrapped BLOB NOT NULL,
    key_version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX invites_by_space ON invites(space_id);
