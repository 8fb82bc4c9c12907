-- SPDX-License-Identifier: Apache-2.0
-- hours/volunteer.sql: gg-volunteer hours --by volunteer. Each volunteer's verified hours (the
-- minutes of the rows that count, summed) served on the days [:from, :to), and the services
-- behind them (verified and not reversed); :under keeps hours served in a community of that
-- subtree. Most hours first.
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
SELECT p.volunteer, n.name, v.home_community, round(p.minutes / 60.0, 2) AS hours, p.services
FROM per p JOIN volunteer v ON v.person = p.volunteer JOIN person n ON n.code = p.volunteer
ORDER BY p.minutes DESC, p.volunteer;
