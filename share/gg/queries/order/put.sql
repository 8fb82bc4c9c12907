-- SPDX-License-Identifier: Apache-2.0
-- order/put.sql: a new resident order, open; its steps are written by order/step.sql.
INSERT INTO resident_order (community, grid, requester_name, requester_phone, need, title, wanted_at, ticket,
	status, created_at, created_by, status_at)
VALUES (:community, :grid, :requester_name, :requester_phone, :need, :title, :wanted_at, :ticket,
	'open', :created_at, :created_by, :created_at);
