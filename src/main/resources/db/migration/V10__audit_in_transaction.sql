-- Audit events are now written inside the write's own transaction, before any HTTP status exists: an
-- event means the write committed.
ALTER TABLE audit_event DROP COLUMN status;
