-- SPDX-License-Identifier: Apache-2.0
-- stars/days.sql: gg-volunteer stars. For each volunteer with verified hours, and each day they
-- served, their verified minutes in all up to the end of that day (the minutes of the rows that
-- count, summed day by day: a reversal carries the day of the service it takes back, so the
-- total never goes down); :under keeps volunteers whose home community is in that subtree.
-- By volunteer, then day: the day a total first reaches a level's hours is the day it was
-- reached.
WITH RECURSIVE sub (code) AS (
	SELECT :under WHERE :under IS NOT NULL
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
),
day (volunteer, date, minutes) AS (
	SELECT volunteer, date, sum(minutes) FROM service WHERE counted GROUP BY volunteer, date
)
SELECT d.volunteer, n.name, v.home_community, d.date,
       sum(d.minutes) OVER (PARTITION BY d.volunteer ORDER BY d.date) AS minutes
FROM day d JOIN volunteer v ON v.person = d.volunteer JOIN person n ON n.code = d.volunteer
WHERE :under IS NULL OR v.home_community IN (SELECT code FROM sub)
ORDER BY d.volunteer, d.date;
