-- SPDX-License-Identifier: Apache-2.0
-- audit/set-aside.sql: the rows before archive row :id, written to the archive it names, set
-- aside (the one delete audit/guard.sql lets through).
DELETE FROM audit WHERE id < :id;
