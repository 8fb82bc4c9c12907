-- SPDX-License-Identifier: Apache-2.0
-- pledge/ref-person.sql: pledges the person :key made.
SELECT count(*) FROM pledge WHERE person = :key;
