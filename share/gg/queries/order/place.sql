-- SPDX-License-Identifier: Apache-2.0
-- order/place.sql: what match needs of order :id: its community, the community's street, its
-- grid, the skill it needs and the time wanted.
SELECT o.community, c.parent AS street, o.grid, o.need, o.wanted_at
FROM resident_order o JOIN unit c ON c.code = o.community
WHERE o.id = :id;
