-- SPDX-License-Identifier: Apache-2.0
-- volunteer/ref-skills-skill.sql: volunteers offering the skill :key.
SELECT count(*) FROM volunteer_skill WHERE skill = :key;
