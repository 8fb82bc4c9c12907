-- SPDX-License-Identifier: Apache-2.0
-- link/all.sql: every leader link, by leader then community.
SELECT leader, unit FROM link ORDER BY leader, unit;
