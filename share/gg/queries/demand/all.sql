-- SPDX-License-Identifier: Apache-2.0
-- demand/all.sql: every demand, by id.
SELECT id, department, unit, kind, title, date, duty, approved, funded, fields, inspection_kind, signboard FROM demand ORDER BY id;
