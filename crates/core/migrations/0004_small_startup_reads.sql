-- Unlocking and the overview read small indexes only: counting live records and making expired
-- deletes final never scan whole tables (a busy vault's tables run to a hundred megabytes, and
-- every page read must be decrypted).
CREATE INDEX people_deleted ON people(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX projects_deleted ON projects(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX meetings_deleted ON meetings(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX actions_deleted ON actions(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX contributions_deleted ON contributions(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX reflections_deleted ON reflections(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE INDEX projects_live ON projects(id) WHERE deleted_at IS NULL;
CREATE INDEX meetings_live ON meetings(id) WHERE deleted_at IS NULL;
CREATE INDEX actions_live ON actions(id) WHERE deleted_at IS NULL;
CREATE INDEX contributions_live ON contributions(id) WHERE deleted_at IS NULL;
CREATE INDEX reflections_live ON reflections(id) WHERE deleted_at IS NULL;

-- Purging a person sets these references to null; without an index each purge scans the table.
CREATE INDEX actions_owner ON actions(owner_id);
CREATE INDEX projects_lead ON projects(lead_id);
