-- SPDX-License-Identifier: Apache-2.0
-- volunteer/availability-add.sql: one weekday and time of day a volunteer can serve.
INSERT INTO volunteer_availability (volunteer, pos, day, hours) VALUES (:person, :pos, :day, :hours);
