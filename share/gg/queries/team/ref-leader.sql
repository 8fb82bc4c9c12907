-- SPDX-License-Identifier: Apache-2.0
-- team/ref-leader.sql: teams the volunteer :key leads.
SELECT count(*) FROM team WHERE leader = :key;
