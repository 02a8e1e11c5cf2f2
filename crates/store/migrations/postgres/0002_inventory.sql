-- The desire inventory: answers, reveal rounds, custom items, per-space settings.
-- Every payload is ciphertext (BYTEA) sealed by the server; the store never sees plaintext.

-- One padded server-enforced envelope per member per space (not a row per item, so row
-- counts leak nothing about how many items were answered).
CREATE TABLE inventory_answers (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    sealed BYTEA NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (space_id, member_id)
);
CREATE INDEX inventory_answers_by_member ON inventory_answers(member_id);

-- Reveal rounds: "waiting" while opened_at is NULL, "open" once set. Only the newest round of a
-- space matters.
CREATE TABLE inventory_rounds (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    opened_at BIGINT,
    UNIQUE (space_id, number)
);

CREATE TABLE inventory_ready (
    round_id TEXT NOT NULL REFERENCES inventory_rounds(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    ready_at BIGINT NOT NULL,
    PRIMARY KEY (round_id, member_id)
);
CREATE INDEX inventory_ready_by_member ON inventory_ready(member_id);

-- Each member's answers frozen when the round opened (server-enforced envelope).
CREATE TABLE inventory_snapshots (
    round_id TEXT NOT NULL REFERENCES inventory_rounds(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    sealed BYTEA NOT NULL,
    PRIMARY KEY (round_id, member_id)
);
CREATE INDEX inventory_snapshots_by_member ON inventory_snapshots(member_id);

-- Custom activities (shared or server-enforced envelope). Unoffered items are the author's
-- private data and are deleted when they leave (explicitly, in the leave transaction); offered
-- items belong to the space and stay, losing their author.
CREATE TABLE inventory_custom_items (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    author_member_id TEXT REFERENCES members(id) ON DELETE SET NULL,
    sealed BYTEA NOT NULL,
    offered INTEGER NOT NULL DEFAULT 0 CHECK (offered IN (0, 1)),
    created_at BIGINT NOT NULL
);
CREATE INDEX inventory_custom_items_by_space ON inventory_custom_items(space_id);
CREATE INDEX inventory_custom_items_by_author ON inventory_custom_items(author_member_id);

-- Per-space settings everyone agreed on. No row means the defaults.
CREATE TABLE space_settings (
    space_id TEXT PRIMARY KEY REFERENCES spaces(id) ON DELETE CASCADE,
    round_cooling_secs BIGINT NOT NULL
);
