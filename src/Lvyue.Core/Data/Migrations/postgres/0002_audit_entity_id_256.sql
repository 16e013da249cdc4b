-- 0002 (PostgreSQL): AuditEntries.EntityId grows from 64 to 256 characters. Composite keys are
-- recorded joined by commas, and an Identity user-role key (two GUIDs) alone is 73 characters.
-- Widening a varchar is a catalog change: no row is rewritten.
ALTER TABLE "AuditEntries" ALTER COLUMN "EntityId" TYPE character varying(256);
