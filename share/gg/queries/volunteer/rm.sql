-- SPDX-License-Identifier: Apache-2.0
-- volunteer/rm.sql: a person stops being a volunteer (the person stays); skills, availability and
-- team memberships go with it.
DELETE FROM volunteer WHERE person = :person;
