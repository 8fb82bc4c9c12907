-- SPDX-License-Identifier: Apache-2.0
-- duty/all.sql: the whole duty list, by code (the signboards it also keeps are signboard/all).
SELECT code, name, kind, level FROM duty WHERE kind <> 'signboard' ORDER BY code;
