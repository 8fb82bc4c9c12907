-- SPDX-License-Identifier: Apache-2.0
-- ticket/store.sql: ticket :id as a step or the sweep left it (ticket/state.sql read it). The
-- first acceptance and the first return visit's answer are set once, by the first step that
-- sets accepted_at and satisfaction; later ones overwrite only those two. Until the first
-- acceptance, a move of respond_by at the same level (a resume: the clock stood still) moves
-- first_respond_by as much; an escalation or a reopening, which set a new one, does not.
UPDATE ticket
SET status = :status, level = :level, assignee = :assignee, level_at = :level_at, respond_by = :respond_by,
    due_at = :due_at, due_base = :due_base, accepted_at = :accepted_at, resolved_at = :resolved_at,
    closed_at = :closed_at, suspended_at = :suspended_at, resume_status = :resume_status,
    overdue_at = :overdue_at, satisfaction = :satisfaction, provisional_deadline = :provisional,
    first_accepted_at = coalesce(first_accepted_at, :accepted_at),
    first_satisfaction = coalesce(first_satisfaction, :satisfaction), missed = :missed,
    first_respond_by = CASE WHEN first_accepted_at IS NULL AND level = :level
                            THEN first_respond_by + coalesce(:respond_by - respond_by, 0) ELSE first_respond_by END
WHERE id = :id;
