-- SPDX-License-Identifier: Apache-2.0
-- service/ref-verified_by.sql: rows of the hours ledger the person :key verified.
SELECT count(*) FROM service WHERE verified_by = :key;
