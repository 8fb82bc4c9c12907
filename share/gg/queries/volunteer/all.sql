-- SPDX-License-Identifier: Apache-2.0
-- volunteer/all.sql: every volunteer, by person code.
SELECT v.person, p.name, p.phone, p.party_member, v.home_community, v.employer, v.volunteer_no
FROM volunteer v JOIN person p ON p.code = v.person ORDER BY v.person;
