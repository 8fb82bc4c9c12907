-- SPDX-License-Identifier: Apache-2.0
-- order/noshows.sql: the service days each volunteer living in the community :community or
-- its street :street signed up for and never came to (signup, status 'noshow').
SELECT s.volunteer, count(*) AS noshows
FROM signup s JOIN volunteer v ON v.person = s.volunteer
WHERE s.status = 'noshow'
  AND v.home_community IN (SELECT code FROM unit WHERE parent = :street AND level = 'community'
                           UNION SELECT :community)
GROUP BY s.volunteer;
