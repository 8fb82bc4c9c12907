-- SPDX-License-Identifier: Apache-2.0
-- volunteer/skills-get.sql: a volunteer's skills, in the order given.
SELECT skill FROM volunteer_skill WHERE volunteer = :person ORDER BY pos;
