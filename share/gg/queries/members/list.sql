-- SPDX-License-Identifier: Apache-2.0
-- members/list.sql: the in-service Party members (a person with party_member who is a
-- volunteer with an employer: 在职党员) living in the subtree of :under (everywhere when it is
-- NULL) who either never reported in, from 1 January of :from's year to the day before :to
-- (reporting in is yearly), or served fewer than :target verified minutes on the days
-- :from <= date < :to (the ledger's counted rows: verifications, and the reversals of
-- verified services). By employer, then person, so each employer's list can go back to it.
WITH RECURSIVE sub (code) AS (
	SELECT :under
	UNION ALL
	SELECT u.code FROM unit u JOIN sub ON u.parent = sub.code
),
member AS (
	SELECT v.person, p.name, v.employer, v.home_community,
		(SELECT max(r.date) FROM report_in r
		 WHERE r.person = v.person AND r.date >= substr(:from, 1, 4) || '-01-01' AND r.date < :to) AS reported,
		(SELECT coalesce(sum(s.minutes), 0) FROM service s
		 WHERE s.counted AND s.volunteer = v.person AND s.date >= :from AND s.date < :to) AS minutes
	FROM volunteer v JOIN person p ON p.code = v.person
	WHERE p.party_member AND coalesce(v.employer, '') <> ''
		AND (CAST(:under AS TEXT) IS NULL OR v.home_community IN (SELECT code FROM sub))
)
SELECT employer, person, name, home_community, reported, round(minutes / 60.0, 2) AS hours,
	round(:target / 60.0, 2) AS target,
	CASE WHEN reported IS NULL AND minutes < :target THEN 'both'
	     WHEN reported IS NULL THEN 'never_reported'
	     ELSE 'under_target' END AS problem
FROM member
WHERE reported IS NULL OR minutes < :target
ORDER BY employer, person;
