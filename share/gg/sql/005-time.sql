-- 005-time.sql: time as the calendar counts it. A ticket whose deadline was counted in
-- working days past the years the holiday calendar covers (where only weekends are known) is
-- marked provisional_deadline, for analysts to find.

ALTER TABLE ticket ADD COLUMN provisional_deadline BOOLEAN NOT NULL DEFAULT 0
	CHECK (provisional_deadline = 0 OR provisional_deadline = 1);
