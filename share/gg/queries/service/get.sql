-- SPDX-License-Identifier: Apache-2.0
-- service/get.sql: one row of the hours ledger.
SELECT id, entry, ref, volunteer, community, date, minutes, counted, activity, order_id, team, verified_by, note, at FROM service WHERE id = :id;
