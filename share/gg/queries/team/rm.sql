-- SPDX-License-Identifier: Apache-2.0
-- team/rm.sql: removes a team; its memberships go with it.
DELETE FROM team WHERE code = :code;
