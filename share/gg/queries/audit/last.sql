-- SPDX-License-Identifier: Apache-2.0
-- audit/last.sql: the id and hash of the last row of the audit log, which the next row follows.
SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1;
