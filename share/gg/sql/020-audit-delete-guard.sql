-- SPDX-License-Identifier: Apache-2.0
-- 020: the audit log's delete guard (queries/audit/guard.sql) looks for the archive row from
-- the log's end, where gg-report audit --archive has just put it, instead of scanning every
-- later row for each row set aside: an archive took time quadratic in its rows. Dropped here,
-- it is made anew, as guard.sql now has it, once the migrations have run.
DROP TRIGGER IF EXISTS audit_no_delete;
