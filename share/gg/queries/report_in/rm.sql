-- SPDX-License-Identifier: Apache-2.0
-- report_in/rm.sql: removes a year's reporting in.
DELETE FROM report_in WHERE person = :person AND year = :year;
