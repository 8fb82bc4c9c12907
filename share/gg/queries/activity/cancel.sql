-- SPDX-License-Identifier: Apache-2.0
-- activity/cancel.sql: the service day :id called off (its sign-ups are withdrawn apart).
UPDATE activity SET status = 'cancelled' WHERE id = :id AND status = 'open';
