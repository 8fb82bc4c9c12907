-- SPDX-License-Identifier: Apache-2.0
-- ticket/unit-level.sql: the level of unit :unit, on which a ticket is to stand (a grid or a building).
SELECT level FROM unit WHERE code = :unit;
