-- SPDX-License-Identifier: Apache-2.0
-- party/members-add.sql: one member of a joint committee.
INSERT INTO party_org_member (party_org, pos, kind, code, name) VALUES (:code, :pos, :kind, :item_code, :name);
