-- SPDX-License-Identifier: Apache-2.0
-- volunteer/skills-del.sql: forgets a volunteer's skills before they are written anew.
DELETE FROM volunteer_skill WHERE volunteer = :person;
