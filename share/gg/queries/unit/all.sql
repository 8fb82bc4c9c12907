-- unit/all.sql: every unit, by code.
SELECT code, name, level, parent, population, households FROM unit ORDER BY code;
