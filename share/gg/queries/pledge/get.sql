-- SPDX-License-Identifier: Apache-2.0
-- pledge/get.sql: one Party member's pledge, by its id.
SELECT id, person, community, text, due, done_at FROM pledge WHERE id = :id;
