-- SPDX-License-Identifier: Apache-2.0
-- order/ref-grid.sql: orders placed in the grid :key.
SELECT count(*) FROM resident_order WHERE grid = :key;
