-- SPDX-License-Identifier: Apache-2.0
-- signboard/rm.sql: removes a signboard from the list (a demand that names it is then a finding
-- of gg-report burden, not a reference kept).
DELETE FROM duty WHERE code = :code AND kind = 'signboard';
