-- SPDX-License-Identifier: Apache-2.0
-- 020-audit-delete-guard.pg.sql: 020-audit-delete-guard.sql for the PostgreSQL store, where a
-- trigger is dropped by naming its table too. The delete guard looks for the archive row from
-- the log's end; made anew, as queries/audit/guard.pg.sql has it, once the migrations have run.
DROP TRIGGER IF EXISTS audit_no_delete ON audit;
