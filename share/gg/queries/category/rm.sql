-- SPDX-License-Identifier: Apache-2.0
-- category/rm.sql: removes a category (once no ticket has it).
DELETE FROM category WHERE code = :code;
