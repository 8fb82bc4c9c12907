-- SPDX-License-Identifier: Apache-2.0
-- score/digests.sql: the digests of the rubric files that made the appraisals a re-run of the
-- rubric ?1 for the period ?2 at level ?3 would replace.
SELECT DISTINCT digest FROM appraisal WHERE rubric = ?1 AND period = ?2 AND level = ?3;
