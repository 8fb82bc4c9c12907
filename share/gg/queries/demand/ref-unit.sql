-- SPDX-License-Identifier: Apache-2.0
-- demand/ref-unit.sql: demands placed on the community :key.
SELECT count(*) FROM demand WHERE unit = :key;
