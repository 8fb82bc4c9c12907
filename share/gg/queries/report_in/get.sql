-- SPDX-License-Identifier: Apache-2.0
-- report_in/get.sql: where and when a Party member reported in, in a year.
SELECT person, year, community, date FROM report_in WHERE person = :person AND year = :year;
