-- SPDX-License-Identifier: Apache-2.0
-- 012-order.pg.sql: 012-order.sql for the PostgreSQL store: resident orders (群众点单、社区派单、
-- 党员接单), who they were dispatched to, and their steps. INTEGER is BIGINT; an order's and an
-- event's id are given by gg_next_id (001-org.pg.sql), as SQLite's INTEGER PRIMARY KEY gives them.

CREATE TABLE resident_order (
	id               BIGINT PRIMARY KEY,
	community        TEXT NOT NULL REFERENCES unit (code),
	grid             TEXT REFERENCES unit (code),     -- where in the community, when known
	requester_name   TEXT,
	requester_phone  TEXT,                           -- personal data
	need             TEXT REFERENCES skill (code),    -- the skill it needs, when known
	title            TEXT NOT NULL,
	wanted_at        BIGINT NOT NULL,   -- when the resident wants it served, seconds since 1970 UTC
	ticket           BIGINT REFERENCES ticket (id),   -- the gg-ticket ticket it came from, if any
	status           TEXT NOT NULL DEFAULT 'open'
		CHECK (status IN ('open', 'dispatched', 'accepted', 'done', 'cancelled', 'expired')),
	volunteer        TEXT REFERENCES volunteer (person),  -- who accepted it
	minutes          BIGINT CHECK (minutes BETWEEN 1 AND 1440),   -- served, when done
	rating           BIGINT CHECK (rating BETWEEN 1 AND 5),       -- the resident's, once done
	created_at       BIGINT NOT NULL,
	created_by       TEXT NOT NULL,
	status_at        BIGINT NOT NULL    -- when it took its status
);
CREATE INDEX resident_order_community ON resident_order (community, status);
CREATE INDEX resident_order_volunteer ON resident_order (volunteer, status) WHERE volunteer IS NOT NULL;
CREATE INDEX resident_order_wanted ON resident_order (wanted_at) WHERE status IN ('open', 'dispatched');
CREATE INDEX resident_order_ticket ON resident_order (ticket) WHERE ticket IS NOT NULL;
CALL gg_next_id('resident_order');

-- Who an order was dispatched to (派单), and when the dispatch was released: another
-- volunteer accepted first, or the order was cancelled or expired.
CREATE TABLE order_dispatch (
	order_id   BIGINT NOT NULL REFERENCES resident_order (id),
	volunteer  TEXT NOT NULL REFERENCES volunteer (person),
	at         BIGINT NOT NULL,
	released   BIGINT,
	PRIMARY KEY (order_id, volunteer)
);
CREATE INDEX order_dispatch_volunteer ON order_dispatch (volunteer);

-- Every step of an order: created, dispatched, accepted, done, rated, cancelled, expired.
CREATE TABLE order_event (
	id        BIGINT PRIMARY KEY,
	order_id  BIGINT NOT NULL REFERENCES resident_order (id),
	at        BIGINT NOT NULL,
	actor     TEXT NOT NULL,
	kind      TEXT NOT NULL,
	status    TEXT NOT NULL,  -- the status after the event
	note      TEXT,
	data      json
);
CREATE INDEX order_event_order ON order_event (order_id, id);
CALL gg_next_id('order_event');
