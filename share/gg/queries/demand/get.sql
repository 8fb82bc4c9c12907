-- SPDX-License-Identifier: Apache-2.0
-- demand/get.sql: one demand placed on a community, by its id.
SELECT id, department, unit, kind, title, date, duty, approved, funded, fields, inspection_kind, signboard FROM demand WHERE id = :id;
