-- SPDX-License-Identifier: Apache-2.0
-- report/root.sql: the unit a report is of: :under, else the city (the unit without a parent;
-- more than one, and the report must be told which).
SELECT code, name, level FROM main.unit
WHERE CASE WHEN CAST(:under AS TEXT) IS NULL THEN parent IS NULL ELSE code = :under END
ORDER BY code;
