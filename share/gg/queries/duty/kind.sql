-- SPDX-License-Identifier: Apache-2.0
-- duty/kind.sql: the kind of what the duty list keeps under :code (a duty's, or signboard), if
-- anything: duties and signboards share one list of codes.
SELECT kind FROM duty WHERE code = :code;
