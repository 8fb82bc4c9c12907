/* SPDX-License-Identifier: Apache-2.0 */
/* volunteer-ledger.c: the hours ledger (服务时长), an append-only kind: a service served, a
 * community worker's verification of it, and the reversing entry that is the only way to
 * correct one. Every row carries the volunteer, the community served and the day, so totals
 * over millions of rows are one scan of one table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "org.h"
#include "volunteer.h"

static const char *const entries[] = {"service", "verify", "reverse", NULL};

const struct gg_kind gg_service_kind = {
	.name = "service",
	.plural = "services",
	.flags = GG_K_APPEND,
	.fields =
		(const struct gg_field[]){
			{.name = "id", .type = GG_F_ID, .flags = GG_F_KEY},
			{.name = "entry", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = entries},
			{.name = "ref", .type = GG_F_INT},
			{.name = "volunteer",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_volunteer_kind,
			 .what = "rows of the hours ledger"},
			{.name = "community",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_unit_kind,
			 .ref_level = "community",
			 .what = "rows of the hours ledger"},
			{.name = "date", .type = GG_F_DATE, .flags = GG_F_REQUIRED},
			{.name = "minutes", .type = GG_F_INT, .flags = GG_F_REQUIRED | GG_F_SIGNED},
			{.name = "counted", .type = GG_F_BOOL},
			{.name = "activity", .type = GG_F_INT},
			{.name = "order_id", .type = GG_F_INT},
			{.name = "team", .type = GG_F_REF, .ref = &gg_team_kind, .what = "rows of the hours ledger"},
			{.name = "verified_by",
			 .type = GG_F_REF,
			 .ref = &gg_person_kind,
			 .what = "rows of the hours ledger (as verifier)"},
			{.name = "note", .type = GG_F_TEXT},
			{.name = "at", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{0},
		},
};

int gg_volunteer_ledger_add(struct gg_ctx *c, json_t *row, json_int_t *id)
{
	json_t *out = NULL;
	enum gg_put what;
	json_int_t m = json_integer_value(json_object_get(row, "minutes"));
	int rc;

	if (!json_object_get(row, "at"))
		json_object_set_new(row, "at", json_integer(gg_clock_now()));
	if (m < -24 * 60 || m > 24 * 60)
		return gg_err_set(&c->err, GG_EX_DATAERR, "a row of the hours ledger holds at most 24 hours, not %.2f",
				  (double)m / 60);
	if ((rc = gg_kind_put(c, &gg_service_kind, row, NULL, -1, &what, &out)))
		return rc;
	if (id)
		*id = json_integer_value(json_object_get(out, "id"));
	json_decref(out);
	return 0;
}
