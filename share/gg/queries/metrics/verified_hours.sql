-- SPDX-License-Identifier: Apache-2.0
-- metrics/verified_hours.sql: hours of service verified in the unit in the period: the minutes of
-- the ledger's rows that count (verify rows, and the reversals of verified rows), over 60.
-- unit: hours
-- better: higher
-- empty: 0
SELECT s.ancestor AS unit,
       round(sum(v.minutes) / 60.0, 1) AS value
FROM service v JOIN unit_path s ON s.code = v.community AND s.ancestor_level = :level
WHERE v.counted AND v.date >= :from_day AND v.date < :to_day
GROUP BY s.ancestor;
