-- SPDX-License-Identifier: Apache-2.0
-- appraisal/ref-unit.sql: appraisals kept of the unit :key.
SELECT count(*) FROM appraisal WHERE unit = :key;
