-- SPDX-License-Identifier: Apache-2.0
-- certificate/put.sql: a certificate issued, with the record as issued and its hash.
INSERT INTO certificate (id, number, volunteer, period, date_from, date_to, minutes, services, issuer, issued_at,
                         record, hash)
VALUES (:id, :number, :volunteer, :period, :date_from, :date_to, :minutes, :services, :issuer, :issued_at, :record,
        :hash);
