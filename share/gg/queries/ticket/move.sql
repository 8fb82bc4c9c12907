-- SPDX-License-Identifier: Apache-2.0
-- ticket/move.sql: a ticket of another database taken in as it stands there (gg-ticket import
-- --from gg), under the next id of this one; its duplicate_of is set by ticket/remap.sql once
-- every ticket moved has its new id.
INSERT INTO ticket (external_id, source, category, title, description, unit, address, priority, status, level,
                    assignee, reported_at, level_at, respond_by, due_at, due_base, accepted_at, resolved_at,
                    closed_at, suspended_at, resume_status, overdue_at, satisfaction, lat, long, start_level,
                    created_at, created_by, provisional_deadline, first_accepted_at, first_satisfaction, missed,
                    reporter_name, reporter_phone, unmapped, first_respond_by)
VALUES (:external_id, :source, :category, :title, :description, :unit, :address, :priority, :status, :level,
        :assignee, :reported_at, :level_at, :respond_by, :due_at, :due_base, :accepted_at, :resolved_at,
        :closed_at, :suspended_at, :resume_status, :overdue_at, :satisfaction, :lat, :long, :start_level,
        :created_at, :created_by, :provisional_deadline, :first_accepted_at, :first_satisfaction, :missed,
        :reporter_name, :reporter_phone, :unmapped, :first_respond_by);
