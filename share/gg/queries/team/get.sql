-- SPDX-License-Identifier: Apache-2.0
-- team/get.sql: one volunteer team.
SELECT code, name, kind, community, leader FROM team WHERE code = :code;
