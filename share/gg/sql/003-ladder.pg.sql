-- SPDX-License-Identifier: Apache-2.0
-- 003-ladder.pg.sql: 003-ladder.sql for the PostgreSQL store: the orders gg counts in (the
-- levels of the net, the levels a ticket climbs, the open statuses). Ranks are BIGINT, as
-- SQLite's INTEGER, and open is a boolean written true and false, which PostgreSQL needs where
-- SQLite took 1 and 0.

CREATE TABLE level (
	ladder  TEXT NOT NULL,     -- 'unit' or 'ticket'
	rank    BIGINT NOT NULL,   -- 0 is the top of the net, the bottom of a ticket's climb
	name    TEXT NOT NULL,
	PRIMARY KEY (ladder, rank),
	UNIQUE (ladder, name)
);
INSERT INTO level (ladder, rank, name) VALUES
	('unit', 0, 'city'), ('unit', 1, 'district'), ('unit', 2, 'street'),
	('unit', 3, 'community'), ('unit', 4, 'grid'), ('unit', 5, 'building'),
	('ticket', 0, 'grid'), ('ticket', 1, 'community'), ('ticket', 2, 'street'),
	('ticket', 3, 'department');

CREATE TABLE ticket_status (
	status  TEXT PRIMARY KEY,
	open    BOOLEAN NOT NULL
);
INSERT INTO ticket_status (status, open) VALUES
	('new', true), ('accepted', true), ('assigned', true), ('in_progress', true),
	('suspended', false), ('resolved', false), ('closed', false), ('rejected', false), ('duplicate', false);
