-- SPDX-License-Identifier: Apache-2.0
-- unit/children.sql: how many units stand directly under a unit.
SELECT count(*) FROM unit WHERE parent = :code;
