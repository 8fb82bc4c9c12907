-- SPDX-License-Identifier: Apache-2.0
-- ticket/remap.sql: a ticket moved in made the duplicate of the one it duplicated there, by
-- that one's id here.
UPDATE ticket SET duplicate_of = :duplicate_of WHERE id = :id;
