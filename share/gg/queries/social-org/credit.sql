-- SPDX-License-Identifier: Apache-2.0
-- social-org/credit.sql: the organisation other than :code that holds the credit code :credit_code.
SELECT code FROM social_org WHERE credit_code = :credit_code AND code <> :code;
