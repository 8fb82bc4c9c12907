-- SPDX-License-Identifier: Apache-2.0
-- category/ref-department.sql: categories that summon the department :key.
SELECT count(*) FROM category WHERE department = :key;
