-- SPDX-License-Identifier: Apache-2.0
-- demand/put.sql: adds a demand (the store assigns its id), or changes the one with that id.
INSERT INTO demand (id, department, unit, kind, title, date, duty, approved, funded, fields, inspection_kind, signboard)
VALUES (:id, :department, :unit, :kind, :title, :date, :duty, :approved, :funded, :fields, :inspection_kind, :signboard)
ON CONFLICT (id) DO UPDATE SET department = excluded.department, unit = excluded.unit, kind = excluded.kind,
	title = excluded.title, date = excluded.date, duty = excluded.duty, approved = excluded.approved,
	funded = excluded.funded, fields = excluded.fields, inspection_kind = excluded.inspection_kind,
	signboard = excluded.signboard;
