-- SPDX-License-Identifier: Apache-2.0
-- order/due.sql: the orders the expiry sweep moves at :now: open or dispatched, nobody having
-- accepted them, and their wanted time passed; the earliest first.
SELECT id FROM resident_order
WHERE status IN ('open', 'dispatched') AND wanted_at <= :now
ORDER BY wanted_at, id;
