-- SPDX-License-Identifier: Apache-2.0
-- survey/ref-community.sql: answers to satisfaction surveys in the community :key.
SELECT count(*) FROM survey_response WHERE community = :key;
