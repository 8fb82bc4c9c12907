-- SPDX-License-Identifier: Apache-2.0
-- certificate/ref-volunteer.sql: certificates issued to the volunteer :key.
SELECT count(*) FROM certificate WHERE volunteer = :key;
