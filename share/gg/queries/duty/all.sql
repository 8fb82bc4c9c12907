-- SPDX-License-Identifier: Apache-2.0
-- duty/all.sql: the whole duty list, by code.
SELECT code, name, kind, level FROM duty ORDER BY code;
