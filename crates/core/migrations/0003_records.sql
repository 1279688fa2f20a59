-- The records of DESIGN §3. Money is integer pence, time is integer minutes, dates are
-- 'YYYY-MM-DD' text, clock times 'HH:MM'. Lists of short texts (tags, agenda, decisions, roles)
-- and small structured values (rate cards, reflection entries, "felt heard") are JSON text that
-- the core validates before writing. `deleted_at` marks a soft delete kept for one undo window.

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    roles TEXT NOT NULL DEFAULT '[]',
    organisation TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    my_role TEXT NOT NULL DEFAULT '',
    approach TEXT NOT NULL,
    status TEXT NOT NULL,
    start_date TEXT,
    end_date TEXT,
    lead_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    rate_cards TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    start_time TEXT,
    end_time TEXT,
    place TEXT NOT NULL DEFAULT '',
    online INTEGER NOT NULL DEFAULT 0,
    agenda TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    decisions TEXT NOT NULL DEFAULT '[]',
    you_said_we_did TEXT NOT NULL DEFAULT '',
    stage TEXT,
    felt_heard TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE TABLE meeting_attendees (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
) STRICT;

CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    owner_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    due_date TEXT,
    status TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE TABLE contributions (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    date TEXT NOT NULL,
    activity TEXT NOT NULL,
    prep_minutes INTEGER NOT NULL DEFAULT 0 CHECK (prep_minutes >= 0),
    meeting_minutes INTEGER NOT NULL DEFAULT 0 CHECK (meeting_minutes >= 0),
    travel_minutes INTEGER NOT NULL DEFAULT 0 CHECK (travel_minutes >= 0),
    summary TEXT NOT NULL DEFAULT '',
    impact_said TEXT NOT NULL DEFAULT '',
    impact_changed TEXT NOT NULL DEFAULT '',
    impact_evidence TEXT NOT NULL DEFAULT '',
    feedback TEXT NOT NULL DEFAULT '',
    feedback_date TEXT,
    fee_arrangement TEXT NOT NULL,
    fee_pence INTEGER NOT NULL DEFAULT 0 CHECK (fee_pence >= 0),
    -- The sum of this contribution's expense lines, kept by the core in the same transaction
    -- as the lines, so money figures need no join.
    expenses_pence INTEGER NOT NULL DEFAULT 0 CHECK (expenses_pence >= 0),
    claim_submitted_on TEXT,
    paid_on TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE TABLE expenses (
    id INTEGER PRIMARY KEY,
    contribution_id INTEGER NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
    tenth_miles INTEGER CHECK (tenth_miles >= 0),
    pence_per_mile INTEGER CHECK (pence_per_mile >= 0),
    note TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE reflections (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    title TEXT NOT NULL,
    project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    contribution_id INTEGER REFERENCES contributions(id) ON DELETE SET NULL,
    template TEXT NOT NULL,
    entries TEXT NOT NULL DEFAULT '{}',
    mood INTEGER CHECK (mood BETWEEN 1 AND 5),
    private INTEGER NOT NULL DEFAULT 1,
    share_ready INTEGER NOT NULL DEFAULT 0,
    tags TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE INDEX people_name ON people(name COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX projects_title ON projects(title COLLATE NOCASE);
CREATE INDEX meetings_date ON meetings(date);
CREATE INDEX meetings_project ON meetings(project_id, date);
CREATE INDEX attendees_person ON meeting_attendees(person_id);
CREATE INDEX actions_due ON actions(status, due_date);
CREATE INDEX actions_meeting ON actions(meeting_id);
CREATE INDEX actions_project ON actions(project_id);
CREATE INDEX contributions_date ON contributions(date);
CREATE INDEX contributions_project ON contributions(project_id, date);
CREATE INDEX contributions_meeting ON contributions(meeting_id);
-- Covering indexes for the dashboard: hours by period, project and activity; money by the
-- claim and payment dates; claims not yet made.
CREATE INDEX contributions_hours ON contributions(
    date, project_id, activity, prep_minutes, meeting_minutes, travel_minutes
) WHERE deleted_at IS NULL;
CREATE INDEX contributions_claimed ON contributions(
    claim_submitted_on, paid_on, fee_arrangement, fee_pence, expenses_pence
) WHERE deleted_at IS NULL AND claim_submitted_on IS NOT NULL;
CREATE INDEX contributions_unpaid ON contributions(
    claim_submitted_on, fee_arrangement, fee_pence, expenses_pence
) WHERE deleted_at IS NULL AND claim_submitted_on IS NOT NULL AND paid_on IS NULL;
CREATE INDEX contributions_paid ON contributions(
    paid_on, fee_arrangement, fee_pence, expenses_pence
) WHERE deleted_at IS NULL AND paid_on IS NOT NULL;
CREATE INDEX contributions_to_claim ON contributions(date, fee_arrangement, fee_pence, expenses_pence)
    WHERE deleted_at IS NULL AND claim_submitted_on IS NULL AND paid_on IS NULL
      AND (expenses_pence > 0 OR (fee_pence > 0 AND fee_arrangement IN ('fee', 'reduced', 'voucher')));
CREATE INDEX expenses_contribution ON expenses(contribution_id, position);
CREATE INDEX reflections_date ON reflections(date);
CREATE INDEX reflections_project ON reflections(project_id);
CREATE INDEX reflections_meeting ON reflections(meeting_id);
CREATE INDEX reflections_contribution ON reflections(contribution_id);

-- Full-text search. One index for every kind: rowid = kind number * 2^40 + record id
-- (1 person, 2 project, 3 meeting, 4 action, 5 contribution, 6 reflection), so a trigger finds
-- its row by rowid and each kind is one rowid range (searched newest first, a bounded number of
-- matches per kind ranked). Soft-deleted records leave the index and come back on undo.
CREATE VIRTUAL TABLE search_index USING fts5(
    title,
    body,
    private UNINDEXED,
    date UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2',
    -- Column-level detail keeps the index small (snippets are made by the core from the text).
    detail = column
);

-- The index's terms, so a prefix being typed can be expanded into the few words it starts
-- (much faster than an FTS5 prefix query over a large index).
CREATE VIRTUAL TABLE search_terms USING fts5vocab(search_index, row);

CREATE TRIGGER people_ai AFTER INSERT ON people WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO search_index(rowid, title, body, private, date)
    VALUES (1 * 1099511627776 + new.id, new.name, new.organisation || ' ' || new.notes, 0, NULL);
END;
CREATE TRIGGER people_au AFTER UPDATE ON people BEGIN
    DELETE FROM search_index WHERE rowid = 1 * 1099511627776 + old.id;
    INSERT INTO search_index(rowid, title, body, private, date)
    SELECT 1 * 1099511627776 + new.id, new.name, new.organisation || ' ' || new.notes, 0, NULL
    WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER people_ad AFTER DELETE ON people BEGIN
    DELETE FROM search_index WHERE rowid = 1 * 1099511627776 + old.id;
END;

CREATE TRIGGER projects_ai AFTER INSERT ON projects WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO search_index(rowid, title, body, private, date)
    VALUES (2 * 1099511627776 + new.id, new.title,
            new.organisation || ' ' || new.my_role || ' ' || new.notes || ' ' || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.tags)),
            0, new.start_date);
END;
CREATE TRIGGER projects_au AFTER UPDATE ON projects BEGIN
    DELETE FROM search_index WHERE rowid = 2 * 1099511627776 + old.id;
    INSERT INTO search_index(rowid, title, body, private, date)
    SELECT 2 * 1099511627776 + new.id, new.title,
           new.organisation || ' ' || new.my_role || ' ' || new.notes || ' ' || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.tags)),
           0, new.start_date
    WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER projects_ad AFTER DELETE ON projects BEGIN
    DELETE FROM search_index WHERE rowid = 2 * 1099511627776 + old.id;
END;

CREATE TRIGGER meetings_ai AFTER INSERT ON meetings WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO search_index(rowid, title, body, private, date)
    VALUES (3 * 1099511627776 + new.id, new.title,
            new.place || ' ' || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.agenda)) || ' ' || new.notes || ' ' || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.decisions)) || ' '
            || new.you_said_we_did || ' ' || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.tags)),
            0, new.date);
END;
CREATE TRIGGER meetings_au AFTER UPDATE ON meetings BEGIN
    DELETE FROM search_index WHERE rowid = 3 * 1099511627776 + old.id;
    INSERT INTO search_index(rowid, title, body, private, date)
    SELECT 3 * 1099511627776 + new.id, new.title,
           new.place || ' ' || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.agenda)) || ' ' || new.notes || ' ' || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.decisions)) || ' '
           || new.you_said_we_did || ' ' || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.tags)),
           0, new.date
    WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER meetings_ad AFTER DELETE ON meetings BEGIN
    DELETE FROM search_index WHERE rowid = 3 * 1099511627776 + old.id;
END;

CREATE TRIGGER actions_ai AFTER INSERT ON actions WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO search_index(rowid, title, body, private, date)
    VALUES (4 * 1099511627776 + new.id, new.title, new.notes, 0, new.due_date);
END;
CREATE TRIGGER actions_au AFTER UPDATE ON actions BEGIN
    DELETE FROM search_index WHERE rowid = 4 * 1099511627776 + old.id;
    INSERT INTO search_index(rowid, title, body, private, date)
    SELECT 4 * 1099511627776 + new.id, new.title, new.notes, 0, new.due_date
    WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER actions_ad AFTER DELETE ON actions BEGIN
    DELETE FROM search_index WHERE rowid = 4 * 1099511627776 + old.id;
END;

CREATE TRIGGER contributions_ai AFTER INSERT ON contributions WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO search_index(rowid, title, body, private, date)
    VALUES (5 * 1099511627776 + new.id, new.summary,
            new.impact_said || ' ' || new.impact_changed || ' ' || new.impact_evidence || ' '
            || new.feedback || ' ' || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.tags)),
            0, new.date);
END;
CREATE TRIGGER contributions_au AFTER UPDATE ON contributions BEGIN
    DELETE FROM search_index WHERE rowid = 5 * 1099511627776 + old.id;
    INSERT INTO search_index(rowid, title, body, private, date)
    SELECT 5 * 1099511627776 + new.id, new.summary,
           new.impact_said || ' ' || new.impact_changed || ' ' || new.impact_evidence || ' '
           || new.feedback || ' ' || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.tags)),
           0, new.date
    WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER contributions_ad AFTER DELETE ON contributions BEGIN
    DELETE FROM search_index WHERE rowid = 5 * 1099511627776 + old.id;
END;

CREATE TRIGGER reflections_ai AFTER INSERT ON reflections WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO search_index(rowid, title, body, private, date)
    VALUES (6 * 1099511627776 + new.id, new.title, (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.entries)) || ' ' || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.tags)), new.private, new.date);
END;
CREATE TRIGGER reflections_au AFTER UPDATE ON reflections BEGIN
    DELETE FROM search_index WHERE rowid = 6 * 1099511627776 + old.id;
    INSERT INTO search_index(rowid, title, body, private, date)
    SELECT 6 * 1099511627776 + new.id, new.title, (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.entries)) || ' ' || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(new.tags)), new.private, new.date
    WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER reflections_ad AFTER DELETE ON reflections BEGIN
    DELETE FROM search_index WHERE rowid = 6 * 1099511627776 + old.id;
END;
