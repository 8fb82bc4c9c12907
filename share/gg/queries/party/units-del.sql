-- SPDX-License-Identifier: Apache-2.0
-- party/units-del.sql: forgets the units an organisation spans before they are written anew.
DELETE FROM party_org_unit WHERE party_org = :code;
