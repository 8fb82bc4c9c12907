-- SPDX-License-Identifier: Apache-2.0
-- demand/ref-duty.sql: demands made under the duty :key.
SELECT count(*) FROM demand WHERE duty = :key;
