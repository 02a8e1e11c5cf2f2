-- Accounts, sessions, spaces, members, space keys, invites, login throttle.
-- Every user-written value is ciphertext (BLOB); the server secret never enters the database.
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username_index BYTEA NOT NULL UNIQUE,
    username_sealed BYTEA NOT NULL,
    kdf_profile TEXT NOT NULL,
    kdf_salt BYTEA NOT NULL,
    verifier_digest BYTEA NOT NULL,
    uk_by_password BYTEA NOT NULL,
    uk_by_recovery BYTEA NOT NULL,
    public_key BYTEA NOT NULL,
    private_key_wrapped BYTEA NOT NULL,
    prefs_sealed BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    id_digest BYTEA PRIMARY KEY,
    handle TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    uk_wrapped BYTEA NOT NULL,
    device_sealed BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE login_throttle (
    key BYTEA PRIMARY KEY,
    failures BIGINT NOT NULL,
    next_allowed_at BIGINT NOT NULL
);

CREATE TABLE spaces (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    key_version BIGINT NOT NULL,
    name_sealed BYTEA NOT NULL
);

CREATE TABLE members (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    joined_at BIGINT NOT NULL,
    profile_sealed BYTEA NOT NULL,
    UNIQUE (space_id, user_id)
);
CREATE INDEX members_by_user ON members(user_id);

CREATE TABLE space_keys (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    key_version BIGINT NOT NULL,
    sealed_key BYTEA NOT NULL,
    PRIMARY KEY (space_id, user_id, key_version)
);

CREATE TABLE invites (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    created_by TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    lookup BYTEA NOT NULL UNIQUE,
    key_wrapped BYTEA NOT NULL,
    key_version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX invites_by_space ON invites(space_id);
