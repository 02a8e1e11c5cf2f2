-- Consent now and the pause signal (D1–D4), the invitation for closeness (E5), the check-in
-- forum (E1–E4) and reminders (E6). Every user-written value is ciphertext (BYTEA).

-- D1: one "tonight" state per member per space, a shared envelope (light, what feels good, what
-- is off the table). The sweep deletes it once `expires_at` has passed; no history is kept.
CREATE TABLE consent_now (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    sealed BYTEA NOT NULL,
    set_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (space_id, member_id)
);
CREATE INDEX consent_now_by_expiry ON consent_now(expires_at);
CREATE INDEX consent_now_by_member ON consent_now(member_id);

-- D2: the space is paused while any row exists. Each member's pause is their own: only they lift it.
CREATE TABLE space_pauses (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    paused_at BIGINT NOT NULL,
    revisit_at BIGINT NOT NULL,
    PRIMARY KEY (space_id, member_id)
);
CREATE INDEX space_pauses_by_member ON space_pauses(member_id);

-- D3: after a red light, a declined invitation or a pause, nobody is offered "ask again" towards
-- this member until `until_at`. `cooling_secs` is the member's own choice of how long (NULL: default).
CREATE TABLE consent_quiet (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    until_at BIGINT,
    cooling_secs BIGINT,
    PRIMARY KEY (space_id, member_id)
);
CREATE INDEX consent_quiet_by_member ON consent_quiet(member_id);

-- D4: "go slower": an intensity ceiling (1 gentle … 4 intense) for new plans until its setter lifts it.
CREATE TABLE go_slower (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    ceiling BIGINT NOT NULL CHECK (ceiling BETWEEN 1 AND 4),
    set_at BIGINT NOT NULL,
    PRIMARY KEY (space_id, member_id)
);
CREATE INDEX go_slower_by_member ON go_slower(member_id);

-- E5: a gentle invitation from one member to another. No text. `answer` is NULL while open,
-- then 'yes' or 'no'. The sweep deletes it once `expires_at` has passed.
CREATE TABLE closeness_invitations (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    from_member TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    to_member TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    answer TEXT CHECK (answer IN ('yes', 'no')),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX closeness_invitations_by_space ON closeness_invitations(space_id);
CREATE INDEX closeness_invitations_by_from ON closeness_invitations(from_member);
CREATE INDEX closeness_invitations_by_to ON closeness_invitations(to_member);
CREATE INDEX closeness_invitations_by_expiry ON closeness_invitations(expires_at);

-- E1: the check-in cadence everyone agreed on (no row: the default), and each member's current
-- choice while a change is being agreed. A change happens only once every member chose the same.
CREATE TABLE checkin_cadence (
    space_id TEXT PRIMARY KEY REFERENCES spaces(id) ON DELETE CASCADE,
    cadence TEXT NOT NULL CHECK (cadence IN ('weekly', 'fortnightly', 'monthly'))
);
CREATE TABLE checkin_cadence_choices (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    cadence TEXT NOT NULL CHECK (cadence IN ('weekly', 'fortnightly', 'monthly')),
    chosen_at BIGINT NOT NULL,
    PRIMARY KEY (space_id, member_id)
);
CREATE INDEX checkin_cadence_choices_by_member ON checkin_cadence_choices(member_id);

-- E1/E2: check-in rounds. A round is sealed until `revealed_at` is set (everyone submitted) or
-- `closes_at` has passed.
CREATE TABLE checkin_rounds (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    starts_at BIGINT NOT NULL,
    closes_at BIGINT NOT NULL,
    revealed_at BIGINT,
    UNIQUE (space_id, number)
);

-- E2: one server-enforced envelope per member per round.
CREATE TABLE checkin_answers (
    round_id TEXT NOT NULL REFERENCES checkin_rounds(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    sealed BYTEA NOT NULL,
    submitted_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (round_id, member_id)
);
CREATE INDEX checkin_answers_by_member ON checkin_answers(member_id);

-- E6: a private calendar feed per member. The secret is not stored: only a blind index to find
-- the row, the secret sealed under the member's user key (so they can see their URL again), and
-- an optional title sealed under a key derived from the secret.
CREATE TABLE calendar_feeds (
    member_id TEXT PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    lookup BYTEA NOT NULL UNIQUE,
    secret_sealed BYTEA NOT NULL,
    title_sealed BYTEA,
    created_at BIGINT NOT NULL
);
CREATE INDEX calendar_feeds_by_space ON calendar_feeds(space_id);

-- E6: optional e-mail reminders (off unless a member turns them on). The address is sealed.
CREATE TABLE reminder_emails (
    member_id TEXT PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    address_sealed BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX reminder_emails_by_space ON reminder_emails(space_id);

-- Background work, safe with several server instances: a job is claimed by a conditional update
-- that sets a lease; an expired lease can be claimed again.
CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    space_id TEXT REFERENCES spaces(id) ON DELETE CASCADE,
    run_at BIGINT NOT NULL,
    lease_until BIGINT,
    claimed_by TEXT,
    attempts BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX jobs_by_run_at ON jobs(run_at);
CREATE INDEX jobs_by_space ON jobs(space_id);
