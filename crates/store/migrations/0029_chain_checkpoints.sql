-- Keyed checkpoints of each desk's hash chain (crates/store/src/checkpoints.rs): an HMAC of a
-- chain head under a key kept outside the data folder. A desk keeps the last checkpoint of every
-- thousand events of each desk's chain, the newest, and (pinned) those of acts on people and
-- settings, so that who may go on after a finding is known from as much of the log as possible.
CREATE TABLE chain_checkpoints (
    desk_id TEXT NOT NULL,
    desk_seq INTEGER NOT NULL,
    head_hash TEXT NOT NULL,
    key_id TEXT NOT NULL,
    mac TEXT NOT NULL,
    made_at TEXT NOT NULL,
    pinned INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (desk_id, desk_seq, key_id)
) WITHOUT ROWID;

-- The newest head of each desk's chain that the team's server verified and vouched for.
CREATE TABLE chain_anchors (
    desk_id TEXT PRIMARY KEY,
    desk_seq INTEGER NOT NULL,
    head_hash TEXT NOT NULL,
    anchored_at TEXT NOT NULL
) WITHOUT ROWID;
