-- SPDX-License-Identifier: Apache-2.0
-- team/all.sql: every volunteer team, by code.
SELECT code, name, kind, community, leader FROM team ORDER BY code;
