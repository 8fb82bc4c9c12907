-- ticket/ref-category.sql: tickets of the category :key.
SELECT count(*) FROM ticket WHERE category = :key;
