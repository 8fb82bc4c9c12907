-- SPDX-License-Identifier: Apache-2.0
-- certificate/minutes.sql: the volunteer :volunteer's verified minutes on the days
-- [:from, :to): the minutes of the rows that count, summed.
SELECT coalesce(sum(minutes), 0) FROM service WHERE counted AND volunteer = :volunteer AND date >= :from AND date < :to;
