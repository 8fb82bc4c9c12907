-- SPDX-License-Identifier: Apache-2.0
-- ticket/original.sql: the ticket that ticket :id is a duplicate of, if it is one (NULL if not).
SELECT duplicate_of FROM ticket WHERE id = :id;
