-- SPDX-License-Identifier: Apache-2.0
-- signup/begun.sql: the sign-ups to the service day :activity that show it has begun: checked
-- in or out, or marked no-shows.
SELECT count(*) FROM signup WHERE activity = :activity AND status IN ('checked_in', 'done', 'noshow');
