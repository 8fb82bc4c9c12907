-- SPDX-License-Identifier: Apache-2.0
-- order/ref-need.sql: orders that need the skill :key.
SELECT count(*) FROM resident_order WHERE need = :key;
