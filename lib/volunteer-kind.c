/* SPDX-License-Identifier: Apache-2.0 */
/* volunteer-kind.c: the kinds gg-volunteer keeps (volunteer, skill, team), each a table of
 * fields over its queries in share/gg/queries/KIND/, and the rules beyond them: a volunteer is
 * a gg-org person, written through gg-org's person kind and never copied; a time of day
 * a volunteer is available ends after it starts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "org.h"
#include "volunteer.h"

static const char *const weekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL};
static const char *const team_kinds[] = {"culture", "help_services", "mediation", "charity", NULL};

/* The fields of a volunteer that are the person's: written to the person, read back from it. */
static const char *const person_fields[] = {"name", "phone", "party_member", NULL};

const struct gg_kind gg_skill_kind = {
	.name = "skill",
	.plural = "skills",
	.fields =
		(const struct gg_field[]){
			{.name = "code", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
			{.name = "name", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{0},
		},
};

/* HH:MM, 00:00 to 24:00, as minutes of the day; -1 if it is not one. */
static int time_of_day(const char *s, size_t n)
{
	int h, m;

	if (n != 5 || sscanf(s, "%2d:%2d", &h, &m) != 2 || s[2] != ':' || h < 0 || m < 0 || m > 59 || h * 60 + m > 1440)
		return -1;
	return h * 60 + m;
}

int gg_volunteer_span(const char *hours, int *from, int *to)
{
	const char *dash = hours ? strchr(hours, '-') : NULL;

	if (!dash)
		return -1;
	*from = time_of_day(hours, (size_t)(dash - hours));
	*to = time_of_day(dash + 1, strlen(dash + 1));
	return *from < 0 || *to <= *from ? -1 : 0;
}

static int availability_check(struct gg_ctx *c, const struct gg_src *src, json_t *rec)
{
	json_t *a;
	size_t i;
	int from, to;

	json_array_foreach (json_object_get(rec, "availability"), i, a)
		if (gg_volunteer_span(json_string_value(json_object_get(a, "hours")), &from, &to))
			return gg_kind_fail(c, src, rec, "availability",
					    "time %zu: hours are HH:MM-HH:MM, the end after the start (sat:09:00-11:30 "
					    "on the command line), not '%s'",
					    i + 1, json_string_value(json_object_get(a, "hours")));
	return 0;
}

/* The person a volunteer is: made or changed through gg-org's person kind with the person's
 * fields the record gives, then read back into the record, so a volunteer shows the person
 * as stored and never keeps a copy. */
static int person_of(struct gg_ctx *c, json_t *rec, const struct gg_src *src)
{
	json_t *given = src && src->rec ? src->rec : rec,
	       *p = json_pack("{s:O}", "code", json_object_get(rec, "person"));
	json_t *stored = NULL, *v;
	enum gg_put what;
	int any = 0, rc;

	for (int i = 0; person_fields[i]; i++)
		if (json_object_get(given, person_fields[i])) { /* given empty: removed from the person */
			v = json_object_get(rec, person_fields[i]);
			json_object_set(p, person_fields[i], v ? v : json_null());
			any = 1;
		}
	if (!any) {
		json_decref(p);
		if (gg_kind_get(c, &gg_person_kind, json_pack("{s:O}", "code", json_object_get(rec, "person")),
				&stored))
			return c->err.code;
		if (!stored)
			return gg_kind_fail(c, src, rec, "person",
					    "unknown person '%s' (give --name, and --phone, to make them one)",
					    json_string_value(json_object_get(rec, "person")));
	} else {
		struct gg_src here = src ? *src : (struct gg_src){0};
		rc = gg_kind_put(c, &gg_person_kind, p, &here, 0, &what, &stored);
		json_decref(p);
		if (rc)
			return rc;
	}
	for (int i = 0; person_fields[i]; i++)
		if ((v = json_object_get(stored, person_fields[i])))
			json_object_set(rec, person_fields[i], v);
		else
			json_object_del(rec, person_fields[i]);
	json_decref(stored);
	return 0;
}

static int volunteer_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old,
			   const struct gg_src *src)
{
	(void)k;
	(void)old;
	if (availability_check(c, src, rec))
		return c->err.code;
	return person_of(c, rec, src);
}

static const struct gg_field skill_item[] = {
	{.name = "skill", .type = GG_F_REF, .ref = &gg_skill_kind, .what = "volunteers' skills"}};
static const struct gg_field availability_item[] = {
	{.name = "day", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = weekdays},
	{.name = "hours", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
};
static const struct gg_field team_item[] = {{.name = "team", .type = GG_F_REF, .ref = &gg_team_kind}};

const struct gg_kind gg_volunteer_kind = {
	.name = "volunteer",
	.plural = "volunteers",
	.fields =
		(const struct gg_field[]){
			{.name = "person",
			 .type = GG_F_REF,
			 .flags = GG_F_KEY | GG_F_REQUIRED | GG_F_OWN_CHECK,
			 .ref = &gg_person_kind,
			 .what = "volunteers"},
			{.name = "name", .type = GG_F_TEXT},
			{.name = "phone", .type = GG_F_TEXT, .flags = GG_F_PERSONAL},
			{.name = "party_member", .type = GG_F_BOOL},
			{.name = "home_community",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_unit_kind,
			 .ref_level = "community",
			 .what = "volunteers living there"},
			{.name = "employer", .type = GG_F_TEXT},
			{.name = "volunteer_no", .type = GG_F_TEXT},
			{.name = "skills", .type = GG_F_LIST, .flags = GG_F_OWN_TABLE, .item = skill_item, .nitem = 1},
			{.name = "availability",
			 .type = GG_F_LIST,
			 .flags = GG_F_OWN_TABLE,
			 .item = availability_item,
			 .nitem = 2},
			{.name = "teams", .type = GG_F_LIST, .flags = GG_F_OWN_TABLE, .item = team_item, .nitem = 1},
			{0},
		},
	.check = volunteer_check,
};

static const struct gg_field member_item[] = {{.name = "volunteer", .type = GG_F_REF, .ref = &gg_volunteer_kind}};

const struct gg_kind gg_team_kind = {
	.name = "team",
	.plural = "teams",
	.fields =
		(const struct gg_field[]){
			{.name = "code", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
			{.name = "name", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "kind", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = team_kinds},
			{.name = "community",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_unit_kind,
			 .ref_level = "community",
			 .what = "volunteer teams"},
			{.name = "leader",
			 .type = GG_F_REF,
			 .ref = &gg_volunteer_kind,
			 .what = "volunteer teams (as leader)"},
			{.name = "members",
			 .type = GG_F_LIST,
			 .flags = GG_F_OWN_TABLE,
			 .item = member_item,
			 .nitem = 1},
			{0},
		},
};

int gg_volunteer_team(struct gg_ctx *c, const char *team, const char *const *volunteers, int n, int join)
{
	json_t *t = NULL, *members, *out = NULL;
	enum gg_put what;
	int rc;

	if (gg_kind_get(c, &gg_team_kind, json_pack("{s:s}", "code", team), &t))
		return c->err.code;
	if (!t)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no team '%s'", team);
	members = json_object_get(t, "members");
	if (!members)
		json_object_set_new(t, "members", members = json_array());
	for (int i = 0; i < n; i++) {
		size_t at = json_array_size(members), j;
		json_t *m;
		json_array_foreach (members, j, m)
			if (!strcmp(json_string_value(m), volunteers[i]))
				at = j;
		if (join && at == json_array_size(members)) {
			json_array_append_new(members, json_string(volunteers[i]));
		} else if (!join && at == json_array_size(members)) {
			json_decref(t);
			return gg_err_set(&c->err, GG_EX_DATAERR, "'%s' is not in team '%s'", volunteers[i], team);
		} else if (!join) {
			json_array_remove(members, at);
		}
	}
	rc = gg_kind_put(c, &gg_team_kind, t, NULL, 1, &what, &out);
	json_decref(t);
	json_decref(out);
	return rc;
}

/* gg-volunteer's registry, in the order a document is imported: what is referred to first. */
const struct gg_kind *const gg_volunteer_kinds[] = {&gg_skill_kind,
						    &gg_volunteer_kind,
						    &gg_team_kind,
						    &gg_activity_kind,
						    &gg_signup_kind,
						    &gg_service_kind,
						    &gg_volunteer_order_kind,
						    &gg_pledge_kind,
						    &gg_report_in_kind,
						    &gg_certificate_kind,
						    NULL};
