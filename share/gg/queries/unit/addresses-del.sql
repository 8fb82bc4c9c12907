-- SPDX-License-Identifier: Apache-2.0
-- unit/addresses-del.sql: forgets a building's addresses before they are written anew.
DELETE FROM address WHERE unit = :code;
