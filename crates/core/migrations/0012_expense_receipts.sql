-- A receipt can be attached to the expense line it is for (docs/attachments.md). Each line gets
-- a global id of its own (a UUID, like records), kept when the contribution is saved again, so
-- the receipt keeps pointing at its line when lines before it are removed. The attachment still
-- belongs to the contribution; `expense_uid` only says which of its lines it is for.
ALTER TABLE expenses ADD COLUMN uid TEXT NOT NULL DEFAULT '';
UPDATE expenses SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-'
    || lower(hex(randomblob(6)));
ALTER TABLE attachments ADD COLUMN expense_uid TEXT;
