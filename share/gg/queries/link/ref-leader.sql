-- SPDX-License-Identifier: Apache-2.0
-- link/ref-leader.sql: leader links of the person :key.
SELECT count(*) FROM link WHERE leader = :key;
