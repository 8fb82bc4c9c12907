-- SPDX-License-Identifier: Apache-2.0
-- 019: an appraisal keeps, beside its indicators, the unit's figures of the period that the
-- monthly report shows (gg-score's metrics, {name: value}), as they were when it was made:
-- the report reads them instead of counting a month of tickets again. NULL in appraisals made
-- before, for which the report counts them.
ALTER TABLE appraisal ADD COLUMN figures JSON;
