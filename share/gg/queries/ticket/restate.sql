-- SPDX-License-Identifier: Apache-2.0
-- ticket/restate.sql: what a record taken in again says anew of ticket :id: the fields of
-- intake only, never the ticket's progress.
UPDATE ticket
SET category = :category, title = :title, description = :description, unit = :unit, address = :address,
    priority = :priority, reported_at = :reported_at, lat = :lat, long = :long,
    reporter_name = :reporter_name, reporter_phone = :reporter_phone, unmapped = :unmapped
WHERE id = :id;
