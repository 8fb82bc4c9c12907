-- SPDX-License-Identifier: Apache-2.0
-- hours/team.pg.sql: hours/team.sql on PostgreSQL, which has no INDEXED BY (its planner picks
-- the index itself) and wants a group's team name and community in the GROUP BY: the team
-- determines them.
WITH RECURSIVE sub (code) AS (
	SELECT CAST(:under AS TEXT) WHERE CAST(:under AS TEXT) IS NOT NULL
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
),
per (team, volunteer, minutes, services) AS (
	SELECT team, volunteer, sum(minutes), sum(CASE entry WHEN 'verify' THEN 1 ELSE -1 END)
	FROM service
	WHERE counted AND date >= :from AND date < :to AND (CAST(:under AS TEXT) IS NULL OR community IN (SELECT code FROM sub))
	GROUP BY team, volunteer
)
SELECT p.team, t.name AS team_name, t.community, round(sum(p.minutes) / 60.0, 2) AS hours,
       sum(p.services) AS services, count(*) FILTER (WHERE p.services > 0) AS volunteers
FROM per p LEFT JOIN team t ON t.code = p.team
GROUP BY p.team, t.name, t.community
ORDER BY p.team IS NULL, sum(p.minutes) DESC, p.team;
