-- person/all.sql: every person, by code.
SELECT code, name, phone, id_number, party_member FROM person ORDER BY code;
