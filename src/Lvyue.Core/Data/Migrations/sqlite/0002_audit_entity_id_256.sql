-- 0002 (SQLite): AuditEntries.EntityId grows from 64 to 256 characters in the model. SQLite stores it as
-- TEXT without a length, so its schema does not change; the script keeps the versions of both providers in step.
SELECT 1;
