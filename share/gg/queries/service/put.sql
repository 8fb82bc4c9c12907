-- SPDX-License-Identifier: Apache-2.0
-- service/put.sql: appends a row to the hours ledger (the store assigns its id; a row once
-- written is never changed: the triggers of 010-volunteer.sql refuse it).
INSERT INTO service (id, entry, ref, volunteer, community, date, minutes, counted, activity, order_id, team, verified_by, note, at)
VALUES (:id, :entry, :ref, :volunteer, :community, :date, :minutes, :counted, :activity, :order_id, :team,
	:verified_by, :note, :at);
