-- SPDX-License-Identifier: Apache-2.0
-- signup/ref-volunteer.sql: the volunteer :key's sign-ups to service days, withdrawn ones included.
SELECT count(*) FROM signup WHERE volunteer = :key;
