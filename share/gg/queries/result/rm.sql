-- SPDX-License-Identifier: Apache-2.0
-- result/rm.sql: removes a department's appraisal result.
DELETE FROM dept_result WHERE department = :department AND unit = :unit AND period = :period;
