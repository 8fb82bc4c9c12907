-- SPDX-License-Identifier: Apache-2.0
-- link/ref-unit.sql: leader links to the community :key.
SELECT count(*) FROM link WHERE unit = :key;
