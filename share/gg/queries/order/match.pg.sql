-- SPDX-License-Identifier: Apache-2.0
-- order/match.pg.sql: order/match.sql on PostgreSQL. The factors that are comparisons or
-- EXISTS are booleans here, integers 0/1 in SQLite, which the C reads: cast to integers. The
-- hours are json_agg's list as text (the C parses the text, as SQLite's json_group_array
-- gives it), in the order written, '[]' when there is none. SQLite's unary + that keeps the
-- skill index out of a plan has no meaning here.
SELECT v.person AS volunteer, p.name, v.home_community, p.party_member,
       CAST(coalesce(v.employer, '') <> '' AS INTEGER) AS in_service,
       CAST(v.home_community = CAST(:community AS TEXT) AS INTEGER) AS same_community,
       CAST(EXISTS (SELECT 1 FROM volunteer_skill s WHERE s.volunteer = v.person AND s.skill = CAST(:need AS TEXT))
           AS INTEGER) AS skill,
       CAST(EXISTS (SELECT 1 FROM person_role r JOIN unit u ON u.code = r.unit
                    WHERE r.person = v.person
                      AND (u.code = CAST(:grid AS TEXT) OR (u.level = 'building' AND u.parent = CAST(:grid AS TEXT))))
           AS INTEGER) AS same_grid,
       (SELECT count(*) FROM resident_order o WHERE o.volunteer = v.person AND o.status = 'accepted') AS open_orders,
       (SELECT coalesce(sum(s.minutes), 0) FROM service s
        WHERE s.volunteer = v.person AND s.counted AND s.date >= :month_from AND s.date < :month_to) AS minutes_month,
       (SELECT count(*) FROM resident_order o WHERE o.volunteer = v.person AND o.status = 'cancelled') AS dropped,
       (SELECT count(*) FROM volunteer_availability a WHERE a.volunteer = v.person) AS times,
       coalesce((SELECT CAST(json_agg(a.hours ORDER BY a.pos) AS TEXT) FROM volunteer_availability a
                 WHERE a.volunteer = v.person AND a.day = :day), '[]') AS hours
FROM volunteer v JOIN person p ON p.code = v.person
WHERE v.home_community IN (SELECT code FROM unit WHERE parent = :street AND level = 'community'
                           UNION SELECT CAST(:community AS TEXT))
ORDER BY v.person;
