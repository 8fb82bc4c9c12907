-- SPDX-License-Identifier: Apache-2.0
-- demand/find.sql: the id of a demand given without one: the same department, community, kind,
-- title and date (so importing a document twice does not place a demand twice).
SELECT id FROM demand
WHERE department = :department AND unit = :unit AND kind = :kind AND title = :title AND date = :date
ORDER BY id LIMIT 1;
