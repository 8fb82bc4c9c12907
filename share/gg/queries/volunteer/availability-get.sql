-- SPDX-License-Identifier: Apache-2.0
-- volunteer/availability-get.sql: when a volunteer can serve, in the order given.
SELECT day, hours FROM volunteer_availability WHERE volunteer = :person ORDER BY pos;
