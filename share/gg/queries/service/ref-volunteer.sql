-- SPDX-License-Identifier: Apache-2.0
-- service/ref-volunteer.sql: rows of the hours ledger for the volunteer :key.
SELECT count(*) FROM service WHERE volunteer = :key;
