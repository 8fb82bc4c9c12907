-- SPDX-License-Identifier: Apache-2.0
-- stars/days.sql: gg-volunteer stars. For each volunteer with verified hours, their verified
-- minutes of each day they served (the minutes of the rows that count, summed; a reversal
-- carries the day of the service it takes back, so no day's sum is below 0), by volunteer then
-- day, in the order of the index service_counted_volunteer (014-ledger.sql): the running total
-- is summed as the rows come, and the day it first reaches a level's hours is the day the level
-- was reached. :under keeps volunteers whose home community is in that subtree.
WITH RECURSIVE sub (code) AS (
	SELECT :under WHERE CAST(:under AS TEXT) IS NOT NULL
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
)
SELECT volunteer, date, sum(minutes) AS minutes
FROM service
WHERE counted
  AND (CAST(:under AS TEXT) IS NULL OR volunteer IN (SELECT person FROM volunteer WHERE home_community IN (SELECT code FROM sub)))
GROUP BY volunteer, date
ORDER BY volunteer, date;
