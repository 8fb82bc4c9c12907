-- SPDX-License-Identifier: Apache-2.0
-- unit/addresses-get.sql: the addresses of a building, in the order given.
SELECT address FROM address WHERE unit = :code ORDER BY pos;
