-- SPDX-License-Identifier: Apache-2.0
-- order/match.sql: the volunteers gg-volunteer match weighs for an order: those living in the
-- order's community :community and in the other communities of its street :street, with
-- each factor of their score but no-shows (order/noshows.sql): whether they offer the skill
-- :need, hold a role in the grid :grid (or a building of it), the orders they accepted and have
-- not done, the verified minutes they served in [:month_from, :month_to) (dates), the orders
-- they accepted that were then cancelled, how many times they are available in all and, as a
-- JSON list, their hours on the weekday :day.
SELECT v.person AS volunteer, p.name, v.home_community, p.party_member,
       coalesce(v.employer, '') <> '' AS in_service,
       v.home_community = :community AS same_community,
       EXISTS (SELECT 1 FROM volunteer_skill s WHERE s.volunteer = v.person AND +s.skill = :need) AS skill,
       EXISTS (SELECT 1 FROM person_role r JOIN unit u ON u.code = r.unit
               WHERE r.person = v.person AND (u.code = :grid OR (u.level = 'building' AND u.parent = :grid)))
           AS same_grid,
       (SELECT count(*) FROM resident_order o WHERE o.volunteer = v.person AND o.status = 'accepted') AS open_orders,
       (SELECT coalesce(sum(s.minutes), 0) FROM service s
        WHERE s.volunteer = v.person AND s.counted AND s.date >= :month_from AND s.date < :month_to) AS minutes_month,
       (SELECT count(*) FROM resident_order o WHERE o.volunteer = v.person AND o.status = 'cancelled') AS dropped,
       (SELECT count(*) FROM volunteer_availability a WHERE a.volunteer = v.person) AS times,
       (SELECT json_group_array(a.hours) FROM volunteer_availability a WHERE a.volunteer = v.person AND a.day = :day)
           AS hours
FROM volunteer v JOIN person p ON p.code = v.person
WHERE v.home_community IN (SELECT code FROM unit WHERE parent = :street AND level = 'community'
                           UNION SELECT :community)
ORDER BY v.person;
