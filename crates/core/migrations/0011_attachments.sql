-- Attachments (docs/attachments.md): receipts, papers and photos kept inside the encrypted
-- database, never as files of their own. Each belongs to exactly one contribution, meeting or
-- reflection. The bytes live in their own table so lists never read them; the small preview
-- (an image scaled down in the core) sits beside the description. `deleted_at` marks a detach
-- kept for one undo window, like every record.
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    contribution_id INTEGER REFERENCES contributions(id) ON DELETE CASCADE,
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
    reflection_id INTEGER REFERENCES reflections(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    sha256 TEXT NOT NULL,
    preview BLOB,
    width INTEGER,
    height INTEGER,
    metadata_removed INTEGER NOT NULL DEFAULT 0,
    location_removed INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    deleted_at TEXT,
    CHECK ((contribution_id IS NOT NULL) + (meeting_id IS NOT NULL) + (reflection_id IS NOT NULL) = 1)
) STRICT;
CREATE INDEX attachments_contribution ON attachments(contribution_id) WHERE contribution_id IS NOT NULL;
CREATE INDEX attachments_meeting ON attachments(meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX attachments_reflection ON attachments(reflection_id) WHERE reflection_id IS NOT NULL;

CREATE TABLE attachment_bytes (
    attachment_id INTEGER PRIMARY KEY REFERENCES attachments(id) ON DELETE CASCADE,
    bytes BLOB NOT NULL
) STRICT;
