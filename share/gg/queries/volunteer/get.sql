-- SPDX-License-Identifier: Apache-2.0
-- volunteer/get.sql: one volunteer, with the name, phone and party membership of the person they are.
SELECT v.person, p.name, p.phone, p.party_member, v.home_community, v.employer, v.volunteer_no
FROM volunteer v JOIN person p ON p.code = v.person WHERE v.person = :person;
