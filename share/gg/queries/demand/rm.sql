-- demand/rm.sql: removes a demand.
DELETE FROM demand WHERE id = :id;
