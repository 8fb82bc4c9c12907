-- SPDX-License-Identifier: Apache-2.0
-- survey/all.sql: every answer to a satisfaction survey, by day, then id.
SELECT id, community, party_org, date, answer, household, imported_at FROM survey_response ORDER BY date, id;
