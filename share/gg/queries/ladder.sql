-- SPDX-License-Identifier: Apache-2.0
-- ladder.sql: the names of one ladder of share/gg/sql/003-ladder.sql, in rank order.
SELECT name FROM level WHERE ladder = :ladder ORDER BY rank;
