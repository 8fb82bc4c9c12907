/* SPDX-License-Identifier: Apache-2.0 */
/* ticket-open311.c: tickets as GeoReport v2 (Open311) service requests, and such requests as
 * records for intake, for the 12345 systems that speak it. */
#include <stdio.h>
#include <string.h>

#include "ticket-impl.h"

json_t *gg_ticket_open311(json_t *t)
{
	const char *status = json_string_value(json_object_get(t, "status"));
	int closed =
		gg_ticket_one_of((const char *const[]){"closed", "rejected", "duplicate", "resolved", NULL}, status);
	json_t *r = json_object();
	char notes[256];
	json_t *updated = json_object_get(t, "closed_at");

	if (!updated)
		updated = json_object_get(t, "resolved_at");
	if (!updated)
		updated = json_object_get(t, "accepted_at");
	if (!updated)
		updated = json_object_get(t, "reported_at");
	const char *level = json_string_value(json_object_get(t, "level"));
	snprintf(notes, sizeof notes, "%s at %s level", status ? status : "?", level ? level : "?");
	json_object_set_new(r, "service_request_id",
			    json_sprintf("%" JSON_INTEGER_FORMAT, json_integer_value(json_object_get(t, "id"))));
	/* GeoReport v2 has no field for the id the 12345 system gave it: one beside ours */
	json_object_set(r, "external_id",
			json_object_get(t, "external_id") ? json_object_get(t, "external_id") : json_null());
	json_object_set_new(r, "status", json_string(closed ? "closed" : "open"));
	json_object_set_new(r, "status_notes", json_string(notes));
	json_object_set(r, "service_name",
			json_object_get(t, "category_name") ? json_object_get(t, "category_name")
							    : json_object_get(t, "category"));
	json_object_set(r, "service_code", json_object_get(t, "category"));
	json_object_set(r, "description",
			json_object_get(t, "description") ? json_object_get(t, "description")
							  : json_object_get(t, "title"));
	json_object_set(r, "agency_responsible",
			json_object_get(t, "assignee") ? json_object_get(t, "assignee") : json_object_get(t, "unit"));
	json_object_set(r, "requested_datetime", json_object_get(t, "reported_at"));
	json_object_set(r, "updated_datetime", updated);
	json_object_set(r, "expected_datetime", json_object_get(t, "due_at"));
	json_object_set(r, "address", json_object_get(t, "address") ? json_object_get(t, "address") : json_null());
	json_object_set(r, "address_id", json_object_get(t, "unit"));
	json_object_set(r, "lat", json_object_get(t, "lat") ? json_object_get(t, "lat") : json_null());
	json_object_set(r, "long", json_object_get(t, "long") ? json_object_get(t, "long") : json_null());
	return r;
}

/* A GeoReport v2 service request as a ticket record for intake. */
int gg_ticket_from_open311(json_t *q, json_t **out)
{
	json_t *t = json_object();
	const char *desc = json_string_value(json_object_get(q, "description"));

	json_object_set_new(t, "source", json_string("hotline_12345"));
	if (json_object_get(q, "service_request_id"))
		json_object_set(t, "external_id", json_object_get(q, "service_request_id"));
	if (json_object_get(q, "service_code"))
		json_object_set(t, "category", json_object_get(q, "service_code"));
	if (desc) {
		/* the title is the first line of the description, cut at a character under 180 bytes */
		char title[256];
		size_t n = strcspn(desc, "\n");
		if (n > 180)
			for (n = 180; n > 0 && ((unsigned char)desc[n] & 0xc0) == 0x80; n--)
				;
		snprintf(title, sizeof title, "%.*s", (int)n, desc);
		json_object_set_new(t, "title", json_string(title));
		json_object_set(t, "description", json_object_get(q, "description"));
	}
	static const char *const same[][2] = {{"address", "address"},
					      {"address_id", "unit"},
					      {"requested_datetime", "reported_at"},
					      {"lat", "lat"},
					      {"long", "long"}};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++)
		if (json_object_get(q, same[i][0]) && !json_is_null(json_object_get(q, same[i][0])))
			json_object_set(t, same[i][1], json_object_get(q, same[i][0]));
	*out = t;
	return 0;
}
