-- SPDX-License-Identifier: Apache-2.0
-- service/state.sql: a row of the hours ledger with what was done to it since: the id of the
-- row that verified it (verified_in) and of the row that reversed it (reversed_in), if any.
SELECT s.id, s.entry, s.ref, s.volunteer, s.community, s.date, s.minutes, s.counted, s.activity, s.order_id,
       s.team, s.verified_by, s.note, s.at,
       (SELECT min(v.id) FROM service v WHERE v.ref = s.id AND v.entry = 'verify') AS verified_in,
       (SELECT min(r.id) FROM service r WHERE r.ref = s.id AND r.entry = 'reverse') AS reversed_in
FROM service s WHERE s.id = :id;
