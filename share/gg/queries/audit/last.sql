-- SPDX-License-Identifier: Apache-2.0
-- audit/last.sql: the hash of the last row of the audit log, which the next row chains to.
SELECT hash FROM audit ORDER BY id DESC LIMIT 1;
