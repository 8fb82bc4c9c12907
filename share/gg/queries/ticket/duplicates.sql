-- SPDX-License-Identifier: Apache-2.0
-- ticket/duplicates.sql: the tickets merged into ticket :id as its duplicates, which its record lists.
SELECT id FROM ticket WHERE duplicate_of = :id ORDER BY id;
