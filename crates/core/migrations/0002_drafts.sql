-- Unsaved work kept encrypted, so nothing typed is lost when the vault locks.
CREATE TABLE drafts (
    id TEXT PRIMARY KEY NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
