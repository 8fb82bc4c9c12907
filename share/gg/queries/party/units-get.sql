-- SPDX-License-Identifier: Apache-2.0
-- party/units-get.sql: the units a joint or functional organisation spans.
SELECT unit FROM party_org_unit WHERE party_org = :code ORDER BY pos;
