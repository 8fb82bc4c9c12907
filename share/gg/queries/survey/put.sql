-- SPDX-License-Identifier: Apache-2.0
-- survey/put.sql: adds an answer to a satisfaction survey (the store assigns its id), or
-- changes the one with that id.
INSERT INTO survey_response (id, community, party_org, date, answer, household, imported_at)
VALUES (:id, :community, :party_org, :date, :answer, :household, :imported_at)
ON CONFLICT (id) DO UPDATE SET community = excluded.community, party_org = excluded.party_org,
	date = excluded.date, answer = excluded.answer, household = excluded.household,
	imported_at = excluded.imported_at;
