-- SPDX-License-Identifier: Apache-2.0
-- volunteer/skills-add.sql: one skill of a volunteer.
INSERT INTO volunteer_skill (volunteer, pos, skill) VALUES (:person, :pos, :skill);
