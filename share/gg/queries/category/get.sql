-- category/get.sql: one ticket category by its code.
SELECT code, name, start_level, department, respond, sla, max_extension FROM category WHERE code = :code;
