-- SPDX-License-Identifier: Apache-2.0
-- demand/rm.sql: removes a demand.
DELETE FROM demand WHERE id = :id;
