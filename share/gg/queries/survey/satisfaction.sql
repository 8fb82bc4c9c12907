-- SPDX-License-Identifier: Apache-2.0
-- survey/satisfaction.sql: the answers to satisfaction surveys on the days :from <= date < :to,
-- counted per Party organisation rated (and its community), in the communities of the subtree
-- of :under (everywhere when it is NULL). A household that answered about one organisation more
-- than once in the period counts once, with its last answer (the later date, then the later
-- id); every answer without a household counts. By community, then organisation.
-- gg-score satisfaction reckons each row's rate, its 95% Wilson interval and its verdict from
-- these counts (lib/score-survey.c): the rate is (satisfied + basic) / responses, or
-- satisfied / responses with --strict; listed under 60%.
WITH RECURSIVE sub (code) AS (
	SELECT :under
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
),
latest AS (
	SELECT party_org, community, answer,
		CASE WHEN household IS NULL THEN 1
		     ELSE row_number() OVER (PARTITION BY party_org, household ORDER BY date DESC, id DESC) END AS nth
	FROM survey_response
	WHERE date >= :from AND date < :to
)
SELECT l.party_org, p.name, l.community, count(*) AS responses,
	sum(CASE WHEN l.answer = 'satisfied' THEN 1 ELSE 0 END) AS satisfied, sum(CASE WHEN l.answer = 'basic' THEN 1 ELSE 0 END) AS basic,
	sum(CASE WHEN l.answer = 'unsatisfied' THEN 1 ELSE 0 END) AS unsatisfied
FROM latest l JOIN party_org p ON p.code = l.party_org
WHERE l.nth = 1 AND (CAST(:under AS TEXT) IS NULL OR l.community IN (SELECT code FROM sub))
GROUP BY l.community, l.party_org, p.name
ORDER BY l.community, l.party_org;
