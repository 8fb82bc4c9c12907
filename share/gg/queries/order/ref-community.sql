-- SPDX-License-Identifier: Apache-2.0
-- order/ref-community.sql: orders of the community :key.
SELECT count(*) FROM resident_order WHERE community = :key;
