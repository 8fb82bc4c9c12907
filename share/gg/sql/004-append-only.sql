-- SPDX-License-Identifier: Apache-2.0
-- 004-append-only.sql: what an append-only kind (GG_K_APPEND in lib/kind.h) asks of the
-- store, shown on the audit log: a stored row is never updated, never deleted (the triggers
-- audit_no_update and audit_no_delete of 001-org.sql), and never replaced: INSERT OR REPLACE
-- deletes the old row without firing a DELETE trigger, so the insert itself is refused when
-- its id is taken. Every append-only table (the hours ledger next) gets the same three
-- triggers; corrections are new, reversing rows.

CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
