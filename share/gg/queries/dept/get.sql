-- dept/get.sql: one department by its code.
SELECT code, name, level FROM department WHERE code = :code;
