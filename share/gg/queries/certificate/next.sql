-- SPDX-License-Identifier: Apache-2.0
-- certificate/next.sql: the id the next certificate takes (in the write transaction that
-- issues it, so no other can take it first).
SELECT coalesce(max(id), 0) + 1 FROM certificate;
