-- Paying participants on projects the user runs: one payment line per person per session
-- (made by a payment run from the register and the project's rate card), with expenses; a
-- project's cost code for finance and how long its payments may stay unpaid (NULL = 30 days).
-- Also: the one-time notice that old meeting notes became private, and EBCD priorities with
-- their votes on meetings.
CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    arrangement TEXT NOT NULL,
    fee_pence INTEGER NOT NULL DEFAULT 0 CHECK (fee_pence >= 0),
    expenses TEXT NOT NULL DEFAULT '[]',
    total_pence INTEGER NOT NULL DEFAULT 0 CHECK (total_pence >= 0),
    reference TEXT NOT NULL DEFAULT '',
    paid_on TEXT,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX payments_uid ON payments(uid);
CREATE INDEX payments_meeting ON payments(meeting_id);
CREATE INDEX payments_person ON payments(person_id);

ALTER TABLE projects ADD COLUMN cost_code TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN pay_within_days INTEGER CHECK (pay_within_days BETWEEN 1 AND 365);

-- A vault that had meeting notes before they became private notes says so once, in the app.
INSERT INTO settings (key, value, updated_at)
SELECT 'notice:notes_became_private', '"pending"', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE EXISTS (SELECT 1 FROM meetings WHERE trim(private_notes) <> '');
ALTER TABLE meetings ADD COLUMN priorities TEXT NOT NULL DEFAULT '[]';
