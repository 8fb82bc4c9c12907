-- SPDX-License-Identifier: Apache-2.0
-- order/of-ticket.sql: an order made of the ticket :ticket that is still to be served, if any.
SELECT id, status FROM resident_order
WHERE ticket = :ticket AND status IN ('open', 'dispatched', 'accepted') ORDER BY id LIMIT 1;
