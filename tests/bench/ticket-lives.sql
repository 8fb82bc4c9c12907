-- SPDX-License-Identifier: Apache-2.0
-- ticket-lives.sql: the bench's November (a million tickets imported new) given lives, by id:
-- 80% accepted within 4 h, 70% resolved, 60% closed after a return visit, 5% late, 1% each
-- duplicates and rejected, some escalated to community, street and department.
UPDATE ticket SET
  status = CASE WHEN id % 100 = 0 THEN 'duplicate' WHEN id % 100 = 1 THEN 'rejected'
                WHEN id % 10 < 6 THEN 'closed' WHEN id % 10 < 7 THEN 'resolved' WHEN id % 10 < 8 THEN 'in_progress' ELSE status END,
  first_accepted_at = CASE WHEN id % 10 < 8 THEN reported_at + (id % 240) * 60 END,
  accepted_at = CASE WHEN id % 10 < 8 THEN reported_at + (id % 240) * 60 END,
  resolved_at = CASE WHEN id % 10 < 7 THEN reported_at + (id % 72) * 3600 END,
  closed_at = CASE WHEN id % 10 < 6 THEN reported_at + (id % 72) * 3600 + 3600 END,
  first_satisfaction = CASE WHEN id % 10 < 6 THEN CASE id % 7 WHEN 0 THEN 'unsatisfied' WHEN 1 THEN 'basic' ELSE 'satisfied' END END,
  satisfaction = CASE WHEN id % 10 < 6 THEN CASE id % 11 WHEN 0 THEN 'basic' ELSE 'satisfied' END END,
  missed = (id % 20 = 3),
  level = CASE WHEN id % 1000 < 3 THEN 'department' WHEN id % 100 < 2 THEN 'street' WHEN id % 100 < 6 THEN 'community' ELSE level END
WHERE reported_at >= 1793462400 AND reported_at < 1796054400;
