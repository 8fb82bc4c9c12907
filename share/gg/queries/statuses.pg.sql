-- SPDX-License-Identifier: Apache-2.0
-- statuses.pg.sql: statuses.sql on PostgreSQL, which has no rowid: every ticket status, open ones
-- first, each group in the order share/gg/sql/003-ladder.sql inserted them (SQLite's rowid order).
SELECT status FROM ticket_status
ORDER BY open DESC, array_position(ARRAY['new', 'accepted', 'assigned', 'in_progress', 'suspended', 'resolved',
                                         'closed', 'rejected', 'duplicate'], status);
