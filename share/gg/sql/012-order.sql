-- SPDX-License-Identifier: Apache-2.0
-- 012-order.sql: resident orders (群众点单、社区派单、党员接单): a resident asks for help in their
-- community, the community dispatches the order to volunteers, the first of them to accept
-- serves it. The requester's name and phone are personal data: the phone is masked in every
-- output and in the audit log unless --reveal.

CREATE TABLE resident_order (
	id               INTEGER PRIMARY KEY,
	community        TEXT NOT NULL REFERENCES unit (code),
	grid             TEXT REFERENCES unit (code),     -- where in the community, when known
	requester_name   TEXT,
	requester_phone  TEXT,                           -- personal data
	need             TEXT REFERENCES skill (code),    -- the skill it needs, when known
	title            TEXT NOT NULL,
	wanted_at        INTEGER NOT NULL,  -- when the resident wants it served, seconds since 1970 UTC
	ticket           INTEGER REFERENCES ticket (id),  -- the gg-ticket ticket it came from, if any
	status           TEXT NOT NULL DEFAULT 'open'
		CHECK (status IN ('open', 'dispatched', 'accepted', 'done', 'cancelled', 'expired')),
	volunteer        TEXT REFERENCES volunteer (person),  -- who accepted it
	minutes          INTEGER CHECK (minutes BETWEEN 1 AND 1440),  -- served, when done
	rating           INTEGER CHECK (rating BETWEEN 1 AND 5),      -- the resident's, once done
	created_at       INTEGER NOT NULL,
	created_by       TEXT NOT NULL,
	status_at        INTEGER NOT NULL   -- when it took its status
);
CREATE INDEX resident_order_community ON resident_order (community, status);
CREATE INDEX resident_order_volunteer ON resident_order (volunteer, status) WHERE volunteer IS NOT NULL;
CREATE INDEX resident_order_wanted ON resident_order (wanted_at) WHERE status IN ('open', 'dispatched');
CREATE INDEX resident_order_ticket ON resident_order (ticket) WHERE ticket IS NOT NULL;

-- Who an order was dispatched to (派单), and when the dispatch was released: another
-- volunteer accepted first, or the order was cancelled or expired.
CREATE TABLE order_dispatch (
	order_id   INTEGER NOT NULL REFERENCES resident_order (id),
	volunteer  TEXT NOT NULL REFERENCES volunteer (person),
	at         INTEGER NOT NULL,
	released   INTEGER,
	PRIMARY KEY (order_id, volunteer)
);
CREATE INDEX order_dispatch_volunteer ON order_dispatch (volunteer);

-- Every step of an order: created, dispatched, accepted, done, rated, cancelled, expired.
CREATE TABLE order_event (
	id        INTEGER PRIMARY KEY,
	order_id  INTEGER NOT NULL REFERENCES resident_order (id),
	at        INTEGER NOT NULL,
	actor     TEXT NOT NULL,
	kind      TEXT NOT NULL,
	status    TEXT NOT NULL,  -- the status after the event
	note      TEXT,
	data      JSON
);
CREATE INDEX order_event_order ON order_event (order_id, id);
