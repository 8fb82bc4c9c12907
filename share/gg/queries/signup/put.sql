-- SPDX-License-Identifier: Apache-2.0
-- signup/put.sql: a volunteer's sign-up to a service day made, or moved on a step.
INSERT INTO signup (activity, volunteer, status, signed_at, checkin_at, checkout_at, changed_at, service)
VALUES (:activity, :volunteer, :status, :signed_at, :checkin_at, :checkout_at, :changed_at, :service)
ON CONFLICT (activity, volunteer) DO UPDATE SET status = excluded.status, signed_at = excluded.signed_at,
	checkin_at = excluded.checkin_at, checkout_at = excluded.checkout_at, changed_at = excluded.changed_at,
	service = excluded.service;
