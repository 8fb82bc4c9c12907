-- SPDX-License-Identifier: Apache-2.0
-- ticket/ref-category.sql: tickets of the category :key.
SELECT count(*) FROM ticket WHERE category = :key;
