-- SPDX-License-Identifier: Apache-2.0
-- service/rm.sql: never run: the ledger is append-only (GG_K_APPEND), and the store refuses it too.
DELETE FROM service WHERE id = :id;
