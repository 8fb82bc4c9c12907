-- SPDX-License-Identifier: Apache-2.0
-- ticket/row.sql: ticket :id as stored, every column, for gg-ticket export without --to (a
-- district's tickets moved to another database, ticket/move.sql there).
SELECT id, external_id, source, category, title, description, unit, address, priority, status, level, assignee,
       reported_at, level_at, respond_by, due_at, due_base, accepted_at, resolved_at, closed_at, suspended_at,
       resume_status, overdue_at, satisfaction, duplicate_of, lat, long, start_level, created_at, created_by,
       provisional_deadline, first_accepted_at, first_satisfaction, missed, reporter_name, reporter_phone, unmapped,
       first_respond_by
FROM ticket WHERE id = :id;
