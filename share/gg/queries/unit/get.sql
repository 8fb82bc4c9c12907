-- SPDX-License-Identifier: Apache-2.0
-- unit/get.sql: one unit by its code.
SELECT code, name, level, parent, population, households FROM unit WHERE code = :code;
