-- SPDX-License-Identifier: Apache-2.0
-- ticket/external.sql: the stored ticket with :source and :external_id, as far as intake sets it.
SELECT id, category, title, description, unit, address, priority, reported_at, lat, long, reporter_name,
       reporter_phone, unmapped
FROM ticket WHERE source = :source AND external_id = :external_id;
