-- SPDX-License-Identifier: Apache-2.0
-- ticket/state.sql: what the life cycle moves of ticket :id: its status and level, whom it is
-- assigned to, its clock (deadline, response time, when it came to its level, when it was
-- suspended) and the times of its steps; NULLs read as '' and 0. provisional_deadline: its
-- deadline was counted past the years the holiday calendar covers. priority: an urgent
-- ticket's deadlines are its category's urgent ones; missed: a deadline was ever missed; unit:
-- where it is, whose district's department a category's role summons.
SELECT category, status, level, coalesce(resume_status, '') AS resume_status,
       coalesce(satisfaction, '') AS satisfaction, coalesce(assignee, '') AS assignee, due_at, due_base, level_at,
       coalesce(suspended_at, 0) AS suspended_at, coalesce(respond_by, 0) AS respond_by,
       coalesce(accepted_at, 0) AS accepted_at, coalesce(resolved_at, 0) AS resolved_at,
       coalesce(closed_at, 0) AS closed_at, coalesce(overdue_at, 0) AS overdue_at, provisional_deadline,
       priority, missed, unit
FROM ticket WHERE id = :id;
