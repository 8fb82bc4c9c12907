-- SPDX-License-Identifier: Apache-2.0
-- social-org/get.sql: one social organisation.
SELECT code, name, kind, community, has_party_org, credit_code, founded, contact FROM social_org WHERE code = :code;
