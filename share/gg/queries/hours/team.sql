-- SPDX-License-Identifier: Apache-2.0
-- hours/team.sql: gg-volunteer hours --by team. Verified hours (the minutes of the rows that
-- count, summed) served with each team on the days [:from, :to), with the services behind them
-- and the volunteers who served at least one; hours served with no team are the row whose team
-- is empty, last. :under keeps hours served in a community of that subtree. Most hours first.
WITH RECURSIVE sub (code) AS (
	SELECT :under WHERE CAST(:under AS TEXT) IS NOT NULL
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
),
per (team, volunteer, minutes, services) AS (
	SELECT team, volunteer, sum(minutes), sum(CASE entry WHEN 'verify' THEN 1 ELSE -1 END)
	FROM service INDEXED BY service_counted_community -- it holds the team: no row is read
	WHERE counted AND date >= :from AND date < :to AND (CAST(:under AS TEXT) IS NULL OR community IN (SELECT code FROM sub))
	GROUP BY team, volunteer
)
SELECT p.team, t.name AS team_name, t.community, round(sum(p.minutes) / 60.0, 2) AS hours,
       sum(p.services) AS services, count(*) FILTER (WHERE p.services > 0) AS volunteers
FROM per p LEFT JOIN team t ON t.code = p.team
GROUP BY p.team
ORDER BY p.team IS NULL, sum(p.minutes) DESC, p.team;
