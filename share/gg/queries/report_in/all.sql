-- SPDX-License-Identifier: Apache-2.0
-- report_in/all.sql: every Party member's reporting in, by person and year.
SELECT person, year, community, date FROM report_in ORDER BY person, year;
