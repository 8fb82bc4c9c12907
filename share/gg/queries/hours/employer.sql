-- SPDX-License-Identifier: Apache-2.0
-- hours/employer.sql: gg-volunteer hours --by employer. Verified hours (the minutes of the rows
-- that count, summed) served on the days [:from, :to) by the volunteers of each employer (在职单位,
-- a department's code, named, or free text), with the services behind them and the volunteers
-- who served at least one; volunteers with no employer are the row whose employer is empty,
-- last. :under keeps hours served in a community of that subtree. Most hours first.
WITH RECURSIVE sub (code) AS (
	SELECT :under WHERE CAST(:under AS TEXT) IS NOT NULL
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
),
per (volunteer, minutes, services) AS (
	SELECT volunteer, sum(minutes), sum(CASE entry WHEN 'verify' THEN 1 ELSE -1 END)
	FROM service
	WHERE counted AND date >= :from AND date < :to AND (CAST(:under AS TEXT) IS NULL OR community IN (SELECT code FROM sub))
	GROUP BY volunteer
)
SELECT v.employer, d.name AS employer_name, round(sum(p.minutes) / 60.0, 2) AS hours, sum(p.services) AS services,
       count(*) FILTER (WHERE p.services > 0) AS volunteers
FROM per p JOIN volunteer v ON v.person = p.volunteer LEFT JOIN department d ON d.code = v.employer
GROUP BY v.employer, d.name
ORDER BY v.employer IS NULL, sum(p.minutes) DESC, v.employer;
