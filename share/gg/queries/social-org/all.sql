-- SPDX-License-Identifier: Apache-2.0
-- social-org/all.sql: every social organisation, by code.
SELECT code, name, kind, community, has_party_org, credit_code, founded, contact FROM social_org ORDER BY code;
