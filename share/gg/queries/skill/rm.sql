-- SPDX-License-Identifier: Apache-2.0
-- skill/rm.sql: removes a skill nobody offers or needs.
DELETE FROM skill WHERE code = :code;
