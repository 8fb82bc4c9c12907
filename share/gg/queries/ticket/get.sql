-- ticket/get.sql: ticket :id with every column its record shows (show, and every step's output).
SELECT id, external_id, source, category, title, description, unit, address, priority, status, level, assignee,
       reported_at, respond_by, due_at, accepted_at, resolved_at, closed_at, overdue_at, satisfaction, duplicate_of,
       lat, long, nullif(provisional_deadline, 0) AS provisional_deadline
FROM ticket WHERE id = :id;
