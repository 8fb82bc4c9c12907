-- SPDX-License-Identifier: Apache-2.0
-- certificate/services.sql: the services a certificate lists: the volunteer :volunteer's
-- service rows on the days [:from, :to) that were verified and not reversed, by day.
SELECT s.id AS record, s.date, s.community, u.name AS community_name, round(s.minutes / 60.0, 2) AS hours,
       s.activity, s.order_id, s.team, s.note
FROM service s JOIN unit u ON u.code = s.community
WHERE s.volunteer = :volunteer AND s.entry = 'service' AND s.date >= :from AND s.date < :to
  AND EXISTS (SELECT 1 FROM service v WHERE v.ref = s.id AND v.entry = 'verify')
  AND NOT EXISTS (SELECT 1 FROM service r WHERE r.ref = s.id AND r.entry = 'reverse')
ORDER BY s.date, s.id;
