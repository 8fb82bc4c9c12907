-- SPDX-License-Identifier: Apache-2.0
-- signboard/get.sql: one signboard (牌子) a community may be given, by its code.
SELECT code, name, level FROM duty WHERE code = :code AND kind = 'signboard';
