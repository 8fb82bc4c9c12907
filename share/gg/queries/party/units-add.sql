-- SPDX-License-Identifier: Apache-2.0
-- party/units-add.sql: one unit an organisation spans.
INSERT INTO party_org_unit (party_org, pos, unit) VALUES (:code, :pos, :unit);
