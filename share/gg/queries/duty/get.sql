-- SPDX-License-Identifier: Apache-2.0
-- duty/get.sql: one item of the community duty list by its code (a signboard is none).
SELECT code, name, kind, level FROM duty WHERE code = :code AND kind <> 'signboard';
