-- SPDX-License-Identifier: Apache-2.0
-- link/put.sql: links a leader to a community (a link has no other fields to change).
INSERT INTO link (leader, unit) VALUES (:leader, :unit) ON CONFLICT DO NOTHING;
