-- The lead side (docs/export-format.md, docs/architecture.md "Lead side"): global ids, a role per
-- project, richer people, an attendance register, a consent ledger, voices, "you said, we did"
-- items, actions owned by the team, record notes apart from private notes, and a log of exports.

-- 1. Global ids: a UUID v7 per record, its time taken from when the record was made and the rest
--    random, so ids made here sort with ids made later by the core (uuid::Uuid::now_v7).
ALTER TABLE people ADD COLUMN uid TEXT;
ALTER TABLE projects ADD COLUMN uid TEXT;
ALTER TABLE meetings ADD COLUMN uid TEXT;
ALTER TABLE actions ADD COLUMN uid TEXT;
ALTER TABLE contributions ADD COLUMN uid TEXT;
ALTER TABLE reflections ADD COLUMN uid TEXT;
ALTER TABLE meeting_attendees ADD COLUMN uid TEXT;

UPDATE people SET uid = (SELECT substr(t, 1, 8) || '-' || substr(t, 9, 4) || '-7' || substr(r, 1, 3) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12)
    FROM (SELECT printf('%012x', CAST(round((julianday(people.created_at) - 2440587.5) * 86400000) AS INTEGER)) AS t,
                 lower(hex(randomblob(10))) AS r));
UPDATE projects SET uid = (SELECT substr(t, 1, 8) || '-' || substr(t, 9, 4) || '-7' || substr(r, 1, 3) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12)
    FROM (SELECT printf('%012x', CAST(round((julianday(projects.created_at) - 2440587.5) * 86400000) AS INTEGER)) AS t,
                 lower(hex(randomblob(10))) AS r));
UPDATE meetings SET uid = (SELECT substr(t, 1, 8) || '-' || substr(t, 9, 4) || '-7' || substr(r, 1, 3) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12)
    FROM (SELECT printf('%012x', CAST(round((julianday(meetings.created_at) - 2440587.5) * 86400000) AS INTEGER)) AS t,
                 lower(hex(randomblob(10))) AS r));
UPDATE actions SET uid = (SELECT substr(t, 1, 8) || '-' || substr(t, 9, 4) || '-7' || substr(r, 1, 3) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12)
    FROM (SELECT printf('%012x', CAST(round((julianday(actions.created_at) - 2440587.5) * 86400000) AS INTEGER)) AS t,
                 lower(hex(randomblob(10))) AS r));
UPDATE contributions SET uid = (SELECT substr(t, 1, 8) || '-' || substr(t, 9, 4) || '-7' || substr(r, 1, 3) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12)
    FROM (SELECT printf('%012x', CAST(round((julianday(contributions.created_at) - 2440587.5) * 86400000) AS INTEGER)) AS t,
                 lower(hex(randomblob(10))) AS r));
UPDATE reflections SET uid = (SELECT substr(t, 1, 8) || '-' || substr(t, 9, 4) || '-7' || substr(r, 1, 3) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12)
    FROM (SELECT printf('%012x', CAST(round((julianday(reflections.created_at) - 2440587.5) * 86400000) AS INTEGER)) AS t,
                 lower(hex(randomblob(10))) AS r));
-- (Each subquery names its own row, so it runs once per row: an uncorrelated one would run once
-- and give every row the same id.) A register line takes its time from its meeting.
UPDATE meeting_attendees SET uid = (SELECT substr(t, 1, 8) || '-' || substr(t, 9, 4) || '-7' || substr(r, 1, 3) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12)
    FROM (SELECT printf('%012x', CAST(round((julianday(m.created_at) - 2440587.5) * 86400000) AS INTEGER)) AS t,
                 lower(hex(randomblob(10))) AS r
          FROM meetings m WHERE m.id = meeting_attendees.meeting_id));

CREATE UNIQUE INDEX people_uid ON people(uid);
CREATE UNIQUE INDEX projects_uid ON projects(uid);
CREATE UNIQUE INDEX meetings_uid ON meetings(uid);
CREATE UNIQUE INDEX actions_uid ON actions(uid);
CREATE UNIQUE INDEX contributions_uid ON contributions(uid);
CREATE UNIQUE INDEX reflections_uid ON reflections(uid);
CREATE UNIQUE INDEX attendees_uid ON meeting_attendees(uid);

-- 2. Role per project: every existing project is one the user takes part in. How many days
--    after a session its "you said, we did" should have gone back (NULL: four weeks).
ALTER TABLE projects ADD COLUMN involvement TEXT NOT NULL DEFAULT 'take_part';
ALTER TABLE projects ADD COLUMN feedback_days INTEGER CHECK (feedback_days BETWEEN 1 AND 365);

-- 3. People as a lead keeps them.
ALTER TABLE people ADD COLUMN preferred_name TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN pronouns TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN access_needs TEXT NOT NULL DEFAULT '[]';
ALTER TABLE people ADD COLUMN access_other TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN payment_preference TEXT;
ALTER TABLE people ADD COLUMN keep_until TEXT;

-- 4. The attendance register: everyone listed before this came. The user's own place in it:
--    a meeting they logged a contribution for was one they attended; others are not recorded
--    (reports used to count every meeting in a range as attended).
ALTER TABLE meeting_attendees ADD COLUMN status TEXT NOT NULL DEFAULT 'attended';
ALTER TABLE meetings ADD COLUMN my_attendance TEXT;
UPDATE meetings SET my_attendance = 'attended'
WHERE id IN (SELECT meeting_id FROM contributions WHERE meeting_id IS NOT NULL AND deleted_at IS NULL);

-- 8. Actions the whole team owns.
ALTER TABLE actions ADD COLUMN team_owned INTEGER NOT NULL DEFAULT 0;

-- 5. The consent ledger: one entry per person per session.
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    quote INTEGER NOT NULL DEFAULT 0,
    named INTEGER NOT NULL DEFAULT 0,
    photo INTEGER NOT NULL DEFAULT 0,
    audio INTEGER NOT NULL DEFAULT 0,
    given_how TEXT NOT NULL,
    given_on TEXT NOT NULL,
    withdrawn_on TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX consents_uid ON consents(uid);
CREATE UNIQUE INDEX consents_once ON consents(meeting_id, person_id) WHERE deleted_at IS NULL;
CREATE INDEX consents_person ON consents(person_id);
CREATE INDEX consents_meeting ON consents(meeting_id);

-- 6. Voices: what participants said (person_id NULL: "a participant", anonymous).
CREATE TABLE voices (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    quotable INTEGER NOT NULL DEFAULT 0,
    themes TEXT NOT NULL DEFAULT '[]',
    touchpoint TEXT NOT NULL DEFAULT '',
    emotion TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX voices_uid ON voices(uid);
CREATE INDEX voices_meeting ON voices(meeting_id);
CREATE INDEX voices_person ON voices(person_id);

-- 7. "You said, we did" items, the voices each answers and when it went back to each person.
CREATE TABLE feedback_items (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    you_said TEXT NOT NULL DEFAULT '',
    we_did TEXT NOT NULL,
    status TEXT NOT NULL,
    due_date TEXT,
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX feedback_items_uid ON feedback_items(uid);
CREATE INDEX feedback_items_meeting ON feedback_items(meeting_id);
CREATE TABLE feedback_voices (
    item_id INTEGER NOT NULL REFERENCES feedback_items(id) ON DELETE CASCADE,
    voice_id INTEGER NOT NULL REFERENCES voices(id) ON DELETE CASCADE,
    PRIMARY KEY (item_id, voice_id)
) STRICT;
CREATE INDEX feedback_voices_voice ON feedback_voices(voice_id);
CREATE TABLE feedback_returns (
    item_id INTEGER NOT NULL REFERENCES feedback_items(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    fed_back_on TEXT NOT NULL,
    PRIMARY KEY (item_id, person_id)
) STRICT;
CREATE INDEX feedback_returns_person ON feedback_returns(person_id);

-- Today's free-text "you said, we did" becomes one item, in the meeting's own words.
INSERT INTO feedback_items (uid, meeting_id, you_said, we_did, status, created_at, updated_at, deleted_at)
SELECT (SELECT substr(t, 1, 8) || '-' || substr(t, 9, 4) || '-7' || substr(r, 1, 3) || '-'
        || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12)
        FROM (SELECT printf('%012x', CAST(round((julianday(meetings.created_at) - 2440587.5) * 86400000) AS INTEGER)) AS t,
                     lower(hex(randomblob(10))) AS r)),
       id, '', you_said_we_did, 'did', created_at, updated_at, deleted_at
FROM meetings WHERE trim(you_said_we_did) <> '';

-- 9. Notes: what was there becomes private notes (the safe default); record notes are new.
--    Private notes never leave the vault, so they are not in the search index either.
DROP TRIGGER meetings_ai;
DROP TRIGGER meetings_au;
ALTER TABLE meetings RENAME COLUMN notes TO private_notes;
ALTER TABLE meetings ADD COLUMN record_notes TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings DROP COLUMN you_said_we_did;
CREATE TRIGGER meetings_ai AFTER INSERT ON meetings WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO search_index(rowid, title, body, private, date)
    VALUES (3 * 1099511627776 + new.id, new.title,
            new.place || ' ' || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.agenda)) || ' ' || new.record_notes || ' ' || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.decisions)) || ' '
            || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.tags)),
            0, new.date);
END;
CREATE TRIGGER meetings_au AFTER UPDATE ON meetings BEGIN
    DELETE FROM search_index WHERE rowid = 3 * 1099511627776 + old.id;
    INSERT INTO search_index(rowid, title, body, private, date)
    SELECT 3 * 1099511627776 + new.id, new.title,
           new.place || ' ' || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.agenda)) || ' ' || new.record_notes || ' ' || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.decisions)) || ' '
           || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.tags)),
           0, new.date
    WHERE new.deleted_at IS NULL;
END;
-- Rebuild the meetings' index rows so no private note stays searchable.
UPDATE meetings SET title = title;

-- 6. The whole EBCD cycle as stages; the four earlier stages map onto it.
UPDATE meetings SET stage = CASE stage
    WHEN 'gather_experiences' THEN 'patient_experiences'
    WHEN 'co_design' THEN 'co_design_groups'
    WHEN 'implement' THEN 'co_design_groups'
    WHEN 'review' THEN 'celebration_review'
    ELSE stage END
WHERE stage IS NOT NULL;

-- 5. The export log: which files held whose words, so a withdrawal can list them.
CREATE TABLE export_log (
    id INTEGER PRIMARY KEY,
    made_at TEXT NOT NULL,
    report TEXT NOT NULL,
    format TEXT NOT NULL,
    file_name TEXT NOT NULL,
    meeting_ids TEXT NOT NULL DEFAULT '[]',
    quoted_person_ids TEXT NOT NULL DEFAULT '[]'
) STRICT;
