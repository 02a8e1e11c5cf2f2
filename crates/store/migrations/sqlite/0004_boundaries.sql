-- Boundaries and the space agreement (C1–C5): shared records whose versions form a hash chain,
-- pending changes that wait for every member, review dates, and "something changed in our life".
-- Every payload is a shared envelope (BLOB); the store never sees plaintext.
--
-- Member ids in these tables (owner, author, proposer) deliberately have no foreign key: the
-- history stays with the space when someone leaves or deletes their account (invariant 8), and a
-- version's hash covers its author, so the id must never change.

CREATE TABLE shared_records (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('boundary', 'agreement')),
    owner_member_id TEXT,
    created_at INTEGER NOT NULL,
    review_at INTEGER,
    reviewed_at INTEGER NOT NULL
);
CREATE INDEX shared_records_by_space ON shared_records(space_id);
CREATE UNIQUE INDEX shared_records_one_agreement ON shared_records(space_id) WHERE kind = 'agreement';

CREATE TABLE record_versions (
    record_id TEXT NOT NULL REFERENCES shared_records(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    author_member_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    sealed BLOB NOT NULL,
    prev_hash BLOB NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (record_id, number)
);

CREATE TABLE pending_changes (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    record_id TEXT NOT NULL REFERENCES shared_records(id) ON DELETE CASCADE,
    base_number INTEGER NOT NULL,
    proposed_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    sealed BLOB NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'applied', 'declined', 'withdrawn')),
    closed_by TEXT,
    closed_at INTEGER
);
CREATE INDEX pending_changes_by_space ON pending_changes(space_id);
CREATE UNIQUE INDEX pending_changes_one_open ON pending_changes(record_id) WHERE state = 'pending';

-- A confirmation belongs to a current member: it goes when they leave.
CREATE TABLE pending_confirmations (
    change_id TEXT NOT NULL REFERENCES pending_changes(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    confirmed_at INTEGER NOT NULL,
    PRIMARY KEY (change_id, member_id)
);
CREATE INDEX pending_confirmations_by_member ON pending_confirmations(member_id);

CREATE TABLE life_changes (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    sealed BLOB NOT NULL
);
CREATE INDEX life_changes_by_space ON life_changes(space_id);
