-- SPDX-License-Identifier: Apache-2.0
-- signup/ref-activity.sql: sign-ups to the service day :key, withdrawn ones included.
SELECT count(*) FROM signup WHERE activity = :key;
