-- SPDX-License-Identifier: Apache-2.0
-- service/all.sql: the hours ledger, in the order it was written.
SELECT id, entry, ref, volunteer, community, date, minutes, counted, activity, order_id, team, verified_by, note, at FROM service ORDER BY id;
