-- Settings that need everyone: each member's current choice. A setting changes only once every
-- member of the space has chosen the same value; the choices are then cleared. A member's choice
-- goes with them when they leave.
CREATE TABLE space_setting_choices (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    round_cooling_secs BIGINT NOT NULL,
    chosen_at BIGINT NOT NULL,
    PRIMARY KEY (space_id, member_id)
);
CREATE INDEX space_setting_choices_by_member ON space_setting_choices(member_id);
