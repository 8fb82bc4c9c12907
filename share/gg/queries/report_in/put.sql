-- SPDX-License-Identifier: Apache-2.0
-- report_in/put.sql: a Party member's reporting in for a year, or the year's row changed.
INSERT INTO report_in (person, year, community, date) VALUES (:person, :year, :community, :date)
ON CONFLICT (person, year) DO UPDATE SET community = excluded.community, date = excluded.date;
