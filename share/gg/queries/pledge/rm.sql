-- SPDX-License-Identifier: Apache-2.0
-- pledge/rm.sql: removes a pledge.
DELETE FROM pledge WHERE id = :id;
