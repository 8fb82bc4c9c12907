-- SPDX-License-Identifier: Apache-2.0
-- report_in/ref-community.sql: reportings in to the community :key.
SELECT count(*) FROM report_in WHERE community = :key;
