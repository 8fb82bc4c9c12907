-- SPDX-License-Identifier: Apache-2.0
-- statuses.sql: every ticket status, open ones first, as share/gg/sql/003-ladder.sql has them.
SELECT status FROM ticket_status ORDER BY open DESC, rowid;
