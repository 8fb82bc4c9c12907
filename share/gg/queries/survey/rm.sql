-- SPDX-License-Identifier: Apache-2.0
-- survey/rm.sql: removes an answer to a satisfaction survey.
DELETE FROM survey_response WHERE id = :id;
