-- SPDX-License-Identifier: Apache-2.0
-- ticket/merge.sql: ticket :id marked a duplicate of ticket :into. closed_at stays unset: a
-- merge is not a close, and its time is the "merged" event's.
UPDATE ticket SET status = 'duplicate', duplicate_of = :into WHERE id = :id;
