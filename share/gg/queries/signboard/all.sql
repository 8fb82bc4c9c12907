-- SPDX-License-Identifier: Apache-2.0
-- signboard/all.sql: the signboards a community may be given, by code.
SELECT code, name, level FROM duty WHERE kind = 'signboard' ORDER BY code;
