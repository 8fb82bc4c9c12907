-- SPDX-License-Identifier: Apache-2.0
-- order/step.sql: what a step leaves of order :id: its status (since :at), the volunteer who
-- accepted it, the minutes served and the resident's rating.
UPDATE resident_order SET status = :status, status_at = :at, volunteer = :volunteer, minutes = :minutes,
	rating = :rating
WHERE id = :id;
