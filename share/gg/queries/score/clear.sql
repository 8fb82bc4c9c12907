-- SPDX-License-Identifier: Apache-2.0
-- score/clear.sql: the appraisals a re-run of the rubric ?1 for the period ?2 at level ?3
-- replaces (in the same transaction as the new ones).
DELETE FROM appraisal WHERE rubric = ?1 AND period = ?2 AND level = ?3;
