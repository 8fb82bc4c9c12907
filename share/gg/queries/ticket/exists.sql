-- SPDX-License-Identifier: Apache-2.0
-- ticket/exists.sql: a row when ticket :id exists.
SELECT 1 FROM ticket WHERE id = :id;
