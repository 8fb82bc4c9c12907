-- SPDX-License-Identifier: Apache-2.0
-- duty/rm.sql: removes an item of the duty list (once no demand refers to it).
DELETE FROM duty WHERE code = :code AND kind <> 'signboard';
