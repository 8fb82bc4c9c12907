-- SPDX-License-Identifier: Apache-2.0
-- ticket/insert.sql: a ticket taken in. It starts at :level, its start level, which it came to
-- when it was reported, with the response time and deadline of that level; its creation is
-- this row (created_at, created_by; ticket/history.sql). The same source and external_id
-- again inserts nothing: intake then compares the record with the stored ticket.
-- :provisional is 1 when a deadline was counted past the holiday calendar's years.
INSERT INTO ticket (external_id, source, category, title, description, unit, address, priority, status, level,
                    assignee, reported_at, level_at, respond_by, due_at, due_base, lat, long, start_level,
                    created_at, created_by, provisional_deadline, reporter_name, reporter_phone, unmapped, first_respond_by)
VALUES (:external_id, :source, :category, :title, :description, :unit, :address, :priority, :status, :level,
        :assignee, :reported_at, :reported_at, :respond_by, :due_at, :due_at, :lat, :long, :level,
        :created_at, :created_by, :provisional, :reporter_name, :reporter_phone, :unmapped, :respond_by)
ON CONFLICT (source, external_id) WHERE external_id IS NOT NULL DO NOTHING;
