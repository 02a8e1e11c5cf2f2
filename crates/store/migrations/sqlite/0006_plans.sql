-- Plans, debriefs, follow-ups and the desire log (F1–F5). Every user-written value is
-- ciphertext (BLOB): titles, activities, roles, exit strategies, aftercare, checklists,
-- debrief answers, follow-ups and log lines all live inside envelopes.

-- F1/F3: one plan. `sealed` is a shared envelope holding everything people wrote and the
-- activities with their roles. Times and the intensity ceiling stay readable so the server can
-- work out the plan's status; `bigger_step` is 1 when it asks everyone to override the
-- gradual-progression rule (F2).
CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    proposed_by TEXT REFERENCES members(id) ON DELETE SET NULL,
    proposed_at INTEGER NOT NULL,
    at INTEGER NOT NULL,
    ceiling INTEGER NOT NULL CHECK (ceiling BETWEEN 1 AND 4),
    bigger_step INTEGER NOT NULL DEFAULT 0 CHECK (bigger_step IN (0, 1)),
    sealed BLOB NOT NULL,
    withdrawn_at INTEGER,
    debriefs_revealed_at INTEGER
);
CREATE INDEX plans_by_space ON plans(space_id, proposed_at);
CREATE INDEX plans_by_proposer ON plans(proposed_by);

-- F3: each member's explicit confirmation. `bigger_step` records that they agreed to the
-- bigger step too. Nothing ever inserts a row on anyone's behalf.
CREATE TABLE plan_confirmations (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    confirmed_at INTEGER NOT NULL,
    bigger_step INTEGER NOT NULL DEFAULT 0 CHECK (bigger_step IN (0, 1)),
    PRIMARY KEY (plan_id, member_id)
);
CREATE INDEX plan_confirmations_by_member ON plan_confirmations(member_id);

-- F4: one server-enforced envelope per member per plan, sealed until everyone has submitted.
CREATE TABLE plan_debriefs (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    sealed BLOB NOT NULL,
    submitted_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (plan_id, member_id)
);
CREATE INDEX plan_debriefs_by_member ON plan_debriefs(member_id);

-- F4: follow-ups written from a debrief (shared envelopes).
CREATE TABLE plan_follow_ups (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    member_id TEXT REFERENCES members(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    sealed BLOB NOT NULL
);
CREATE INDEX plan_follow_ups_by_plan ON plan_follow_ups(plan_id);
CREATE INDEX plan_follow_ups_by_member ON plan_follow_ups(member_id);

-- F5: the shared desire log. A line's author is whoever wrote its words; it stays with the
-- remaining members when its author leaves (shared record).
CREATE TABLE desire_log (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    author_member_id TEXT REFERENCES members(id) ON DELETE SET NULL,
    added_by TEXT REFERENCES members(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    consented_at INTEGER NOT NULL,
    sealed BLOB NOT NULL
);
CREATE INDEX desire_log_by_space ON desire_log(space_id, created_at);
CREATE INDEX desire_log_by_author ON desire_log(author_member_id);
CREATE INDEX desire_log_by_adder ON desire_log(added_by);

-- F5: a debrief line someone suggested for the log, waiting for its author's consent. It goes
-- with its author if they leave: consent can then never come.
CREATE TABLE desire_log_pending (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    author_member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    added_by TEXT REFERENCES members(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    sealed BLOB NOT NULL
);
CREATE INDEX desire_log_pending_by_space ON desire_log_pending(space_id);
CREATE INDEX desire_log_pending_by_author ON desire_log_pending(author_member_id);
CREATE INDEX desire_log_pending_by_adder ON desire_log_pending(added_by);
