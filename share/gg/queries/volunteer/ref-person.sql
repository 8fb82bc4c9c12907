-- SPDX-License-Identifier: Apache-2.0
-- volunteer/ref-person.sql: whether the person :key is a volunteer.
SELECT count(*) FROM volunteer WHERE person = :key;
