-- Replies between vaults (docs/envelope-format.md): the files this vault sent, and to whom, so an
-- acknowledgement or a correction that comes back can be matched to the file it answers; a
-- received reply names that file in `replies_to`.
CREATE TABLE sent (
    id INTEGER PRIMARY KEY,
    envelope_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    made_at TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    passphrase_copy INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX sent_envelope ON sent(envelope_id);

CREATE TABLE sent_to (
    sent_id INTEGER NOT NULL REFERENCES sent(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (sent_id, person_id)
) STRICT;

ALTER TABLE received ADD COLUMN replies_to TEXT;
CREATE INDEX received_replies ON received(replies_to);
