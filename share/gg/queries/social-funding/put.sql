-- SPDX-License-Identifier: Apache-2.0
-- social-funding/put.sql: appends a funding record (the store assigns its id; the triggers of
-- 016-social-org.sql refuse to change one).
INSERT INTO social_org_funding (id, org, kind, fen, date, note, reverses, at) VALUES (:id, :org, :kind, :fen, :date, :note, :reverses, :at);
