-- Exchange between vaults (docs/envelope-format.md): this vault's own sharing identity (one row,
-- its secret keys kept here so they are encrypted at rest and in backups), the public identities
-- of contacts (one per person), and the Inbox of files opened here, each with the decision made
-- on it. Records added from a received file point at it and stay read-only.
CREATE TABLE exchange_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    signing_secret TEXT NOT NULL,
    age_secret TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE contacts (
    person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    signing_key TEXT NOT NULL,
    encryption_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    checked_how TEXT NOT NULL DEFAULT 'not_checked'
        CHECK (checked_how IN ('not_checked', 'in_person', 'phone')),
    checked_on TEXT,
    added_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX contacts_fingerprint ON contacts(fingerprint);

CREATE TABLE received (
    id INTEGER PRIMARY KEY,
    envelope_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    sender_name TEXT NOT NULL,
    sender_fingerprint TEXT NOT NULL,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    made_at TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('added', 'kept', 'ignored')),
    delete_after TEXT,
    payload TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX received_envelope ON received(envelope_id);
CREATE INDEX received_person ON received(person_id);

ALTER TABLE projects ADD COLUMN received_id INTEGER REFERENCES received(id) ON DELETE SET NULL;
ALTER TABLE meetings ADD COLUMN received_id INTEGER REFERENCES received(id) ON DELETE SET NULL;
ALTER TABLE feedback_items ADD COLUMN received_id INTEGER REFERENCES received(id) ON DELETE SET NULL;
