-- SPDX-License-Identifier: Apache-2.0
-- unit/rm.sql: removes a unit (once nothing refers to it).
DELETE FROM unit WHERE code = :code;
