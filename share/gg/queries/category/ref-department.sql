-- category/ref-department.sql: categories that summon the department :key.
SELECT count(*) FROM category WHERE department = :key;
