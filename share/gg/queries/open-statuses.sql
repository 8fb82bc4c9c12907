-- SPDX-License-Identifier: Apache-2.0
-- open-statuses.sql: the ticket statuses in which a ticket is open (its clock runs).
SELECT status FROM ticket_status WHERE open ORDER BY status;
