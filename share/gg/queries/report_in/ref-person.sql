-- SPDX-License-Identifier: Apache-2.0
-- report_in/ref-person.sql: the years the person :key reported in.
SELECT count(*) FROM report_in WHERE person = :key;
