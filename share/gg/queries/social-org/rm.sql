-- SPDX-License-Identifier: Apache-2.0
-- social-org/rm.sql: removes a social organisation (refused while funding or ratings refer to it).
DELETE FROM social_org WHERE code = :code;
