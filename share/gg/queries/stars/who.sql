-- SPDX-License-Identifier: Apache-2.0
-- stars/who.sql: the name and home community of the volunteer :volunteer, as stars shows them.
SELECT n.name, v.home_community FROM volunteer v JOIN person n ON n.code = v.person WHERE v.person = :volunteer;
