-- SPDX-License-Identifier: Apache-2.0
-- metrics/hours_per_party_member.sql: verified hours served in the period by the Party members
-- whose home community is in the unit, over the number of those members who are volunteers
-- (each counted, served or not).
-- unit: hours
-- better: higher
SELECT s.ancestor AS unit,
       round(coalesce((SELECT sum(r.minutes) FROM service r
                       WHERE r.counted AND r.volunteer IN (SELECT m.person FROM volunteer m JOIN unit_path h ON h.code = m.home_community
                                                           WHERE h.ancestor_level = :level AND h.ancestor = s.ancestor)
                         AND r.volunteer IN (SELECT code FROM person WHERE party_member)
                         AND r.date >= :from_day AND r.date < :to_day), 0) / 60.0 / count(*), 1) AS value
FROM volunteer m JOIN person p ON p.code = m.person AND p.party_member
JOIN unit_path s ON s.code = m.home_community AND s.ancestor_level = :level
GROUP BY s.ancestor;
