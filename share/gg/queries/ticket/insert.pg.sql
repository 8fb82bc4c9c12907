-- SPDX-License-Identifier: Apache-2.0
-- ticket/insert.pg.sql: ticket/insert.sql on PostgreSQL, returning the id the row was given, which
-- the store keeps as the last insert's (a round trip less a ticket than asking for it after).
INSERT INTO ticket (external_id, source, category, title, description, unit, address, priority, status, level,
                    assignee, reported_at, level_at, respond_by, due_at, due_base, lat, long, start_level,
                    created_at, created_by, provisional_deadline, reporter_name, reporter_phone, unmapped, first_respond_by)
VALUES (:external_id, :source, :category, :title, :description, :unit, :address, :priority, :status, :level,
        :assignee, :reported_at, :reported_at, :respond_by, :due_at, :due_at, :lat, :long, :level,
        :created_at, :created_by, :provisional, :reporter_name, :reporter_phone, :unmapped, :respond_by)
ON CONFLICT (source, external_id) WHERE external_id IS NOT NULL DO NOTHING
RETURNING id;
