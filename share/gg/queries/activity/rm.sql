-- SPDX-License-Identifier: Apache-2.0
-- activity/rm.sql: removes a service day (one nobody signed up for: sign-ups refer to it).
DELETE FROM activity WHERE id = :id;
