-- demand/ref-department.sql: demands placed by the department :key.
SELECT count(*) FROM demand WHERE department = :key;
