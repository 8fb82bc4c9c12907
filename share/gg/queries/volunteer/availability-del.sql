-- SPDX-License-Identifier: Apache-2.0
-- volunteer/availability-del.sql: forgets a volunteer's times before they are written anew.
DELETE FROM volunteer_availability WHERE volunteer = :person;
