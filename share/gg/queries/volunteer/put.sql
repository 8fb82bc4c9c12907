-- SPDX-License-Identifier: Apache-2.0
-- volunteer/put.sql: adds a volunteer, or changes one; name, phone and party_member are the
-- person's, written through gg-org's person kind, never here.
INSERT INTO volunteer (person, home_community, employer, volunteer_no)
VALUES (:person, :home_community, :employer, :volunteer_no)
ON CONFLICT (person) DO UPDATE SET home_community = excluded.home_community, employer = excluded.employer,
	volunteer_no = excluded.volunteer_no;
