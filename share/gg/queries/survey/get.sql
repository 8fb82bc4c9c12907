-- SPDX-License-Identifier: Apache-2.0
-- survey/get.sql: one answer to a satisfaction survey, by its id.
SELECT id, community, party_org, date, answer, household, imported_at FROM survey_response WHERE id = :id;
