-- SPDX-License-Identifier: Apache-2.0
-- survey/ref-party_org.sql: answers to satisfaction surveys rating the Party organisation :key.
SELECT count(*) FROM survey_response WHERE party_org = :key;
