-- ticket/merge.sql: ticket :id closed at :at as a duplicate of ticket :into.
UPDATE ticket SET status = 'duplicate', duplicate_of = :into, closed_at = :at WHERE id = :id;
