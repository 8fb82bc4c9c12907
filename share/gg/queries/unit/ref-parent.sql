-- SPDX-License-Identifier: Apache-2.0
-- unit/ref-parent.sql: units under the unit :key (a unit refers to its parent).
SELECT count(*) FROM unit WHERE parent = :key;
