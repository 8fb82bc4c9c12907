-- SPDX-License-Identifier: Apache-2.0
-- hours/community.sql: gg-volunteer hours --by community. Verified hours (the minutes of the
-- rows that count, summed) served in each community on the days [:from, :to), with the
-- services behind them (verified and not reversed) and the volunteers who served at least one;
-- :under keeps communities of that subtree. Most hours first. Each volunteer is totted up
-- first, in the order of the index service_counted_community (014-ledger.sql), so nothing is
-- sorted but the communities.
WITH RECURSIVE sub (code) AS (
	SELECT :under WHERE CAST(:under AS TEXT) IS NOT NULL
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
),
per (community, volunteer, minutes, services) AS (
	SELECT community, volunteer, sum(minutes), sum(CASE entry WHEN 'verify' THEN 1 ELSE -1 END)
	FROM service
	WHERE counted AND date >= :from AND date < :to AND (CAST(:under AS TEXT) IS NULL OR community IN (SELECT code FROM sub))
	GROUP BY community, volunteer
)
SELECT p.community, u.name AS community_name, round(sum(p.minutes) / 60.0, 2) AS hours,
       sum(p.services) AS services, count(*) FILTER (WHERE p.services > 0) AS volunteers
FROM per p JOIN unit u ON u.code = p.community
GROUP BY p.community, u.name
ORDER BY sum(p.minutes) DESC, p.community;
