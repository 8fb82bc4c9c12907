-- SPDX-License-Identifier: Apache-2.0
-- skill/get.sql: one skill.
SELECT code, name FROM skill WHERE code = :code;
