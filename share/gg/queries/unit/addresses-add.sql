-- SPDX-License-Identifier: Apache-2.0
-- unit/addresses-add.sql: one address of a building, with the normal form resolve looks it up by.
INSERT INTO address (unit, pos, address, norm) VALUES (:code, :pos, :address, gg_norm_address(:address));
