/* SPDX-License-Identifier: Apache-2.0 */
/* ticket-category.c: the category catalogue (a kind like gg-org's, checked against the levels
 * a ticket climbs), and a category read once per command as the clock counts with it: where
 * its tickets start, the deadline at each level, the department summoned at street level. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kind.h"
#include "org.h"
#include "ticket-impl.h"

/* The names of the ticket ladder as a message lists them: "grid, community, street, department". */
static const char *ladder_text(const char *const *level, char *buf, size_t n)
{
	size_t at = 0;

	buf[0] = '\0';
	for (int i = 0; level[i] && at < n; i++)
		at += snprintf(buf + at, n - at, "%s%s", i ? ", " : "", level[i]);
	return buf;
}

/* A map of deadlines per level (sla, or urgent): a duration for every level a ticket starting
 * at `start` reaches, and for no level off the ladder. */
static int check_sla(struct gg_ctx *c, const struct gg_src *src, json_t *rec, const char *field,
		     const char *const *level, int start)
{
	json_t *v, *sla = json_object_get(rec, field);
	struct gg_dur d;
	const char *key;
	char all[256];

	json_object_foreach (sla, key, v) {
		if (gg_ladder_rank(c, "ticket", key) < 0)
			return gg_kind_fail(c, src, rec, field, "unknown level '%s' (one of: %s)", key,
					    ladder_text(level, all, sizeof all));
		if (!json_is_string(v) || gg_cal_dur_parse(json_string_value(v), &d))
			return gg_kind_fail(c, src, rec, field, "%s: not a duration: write 30m, 2h, 3d or 5wd", key);
	}
	for (int l = start; l >= 0 && level[l]; l++)
		if (!json_object_get(sla, level[l]))
			return gg_kind_fail(c, src, rec, field,
					    "no deadline for %s level, which a ticket starting at %s reaches", level[l],
					    level[start]);
	return 0;
}

static int category_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	const char *const *level = gg_ladder(c, "ticket");
	struct gg_dur d;
	const char *s;

	(void)k;
	(void)old;
	if (!level)
		return c->err.code;
	int start = gg_ladder_rank(c, "ticket", json_string_value(json_object_get(rec, "start_level")));
	if (!json_object_get(rec, "department") == !json_object_get(rec, "department_role"))
		return gg_kind_fail(c, src, rec, "department",
				    "a category names a department or a department_role (which each district maps to "
				    "its own department), one of the two");
	if (gg_cal_dur_parse(json_string_value(json_object_get(rec, "respond")), &d))
		return gg_kind_fail(c, src, rec, "respond", "not a duration: write 30m, 2h, 3d or 5wd");
	if ((s = json_string_value(json_object_get(rec, "max_extension"))) && gg_cal_dur_parse(s, &d))
		return gg_kind_fail(c, src, rec, "max_extension", "not a duration: write 30m, 2h, 3d or 5wd");
	if (check_sla(c, src, rec, "sla", level, start))
		return c->err.code;
	/* an urgent ticket climbs as any other: the urgent map covers the same levels, or none */
	if (json_object_get(rec, "urgent") && check_sla(c, src, rec, "urgent", level, start))
		return c->err.code;
	return 0;
}

static const struct gg_field category_fields[] = {
	{.name = "code", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
	{.name = "name", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
	{.name = "start_level", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .ladder = "ticket"},
	{.name = "department", .type = GG_F_REF, .ref = &gg_dept_kind, .what = "ticket categories"},
	{.name = "department_role", .type = GG_F_CODE},
	{.name = "respond", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
	{.name = "sla", .type = GG_F_OBJECT, .flags = GG_F_REQUIRED},
	{.name = "max_extension", .type = GG_F_TEXT},
	{.name = "urgent", .type = GG_F_OBJECT},
	{0},
};

/* The catalogue's queries are share/gg/queries/category/. */
const struct gg_kind gg_category_kind = {
	.name = "category",
	.plural = "categories",
	.fields = category_fields,
	.check = category_check,
};

/* Where the category's tickets start and their deadline at each rank, as the clock counts. */
static void read_category(struct cat *k, json_t *rec)
{
	json_t *sla = json_object_get(rec, "sla"), *urgent = json_object_get(rec, "urgent");
	const char *m = json_string_value(json_object_get(rec, "max_extension"));
	const char *dept = json_string_value(json_object_get(rec, "department"));
	const char *role = json_string_value(json_object_get(rec, "department_role"));

	snprintf(k->department, sizeof k->department, "%s", dept ? dept : "");
	snprintf(k->role, sizeof k->role, "%s", role ? role : "");
	gg_cal_dur_parse(json_string_value(json_object_get(rec, "respond")), &k->respond);
	for (int l = 0; k->level[l]; l++) {
		const char *s = json_string_value(json_object_get(sla, k->level[l]));
		k->has_sla[l] = s && gg_cal_dur_parse(s, &k->sla[l]) == 0;
	}
	/* checked on the way in to cover every level the sla covers (category_check) */
	k->has_urgent = json_object_size(urgent) > 0;
	for (int l = 0; k->has_urgent && k->level[l]; l++) {
		const char *s = json_string_value(json_object_get(urgent, k->level[l]));
		if (!s || gg_cal_dur_parse(s, &k->urgent[l]))
			k->urgent[l] = k->sla[l];
	}
	k->has_max_ext = m && gg_cal_dur_parse(m, &k->max_ext) == 0;
}

int gg_ticket_category(struct gg_ctx *c, const char *code, struct cat **out)
{
	json_t *rec;
	struct cat *k;
	int fresh;

	*out = NULL;
	if (!(k = gg_ticket_memo(c, "ticket:category:", code, sizeof *k, &fresh)))
		return gg_err_oom(&c->err);
	if (!fresh) {
		*out = k->found ? k : NULL;
		return 0;
	}
	if (!(k->cal = gg_cal(c))) /* every deadline is counted with it */
		return c->err.code;
	if (!(k->level = gg_ladder(c, "ticket")))
		return c->err.code;
	if (gg_kind_get(c, &gg_category_kind, json_pack("{s:s}", "code", code), &rec))
		return c->err.code;
	if (!rec)
		return 0;
	k->found = 1;
	snprintf(k->code, sizeof k->code, "%s", code);
	k->start = gg_ladder_rank(c, "ticket", json_string_value(json_object_get(rec, "start_level")));
	k->street = gg_ladder_rank(c, "ticket", "street"); /* 街道吹哨、部门报到 */
	for (k->top = 0; k->level[k->top + 1]; k->top++)
		;
	read_category(k, rec);
	json_decref(rec);
	*out = k;
	return 0;
}

/* The rank of `level` on the ladder the category counts with, -1 when it is not on it: what
 * gg_ladder_rank says, without looking the ladder up again for every ticket the sweep moves. */
int gg_ticket_rank(const struct cat *k, const char *level)
{
	for (int i = 0; level && k->level[i]; i++)
		if (!strcmp(k->level[i], level))
			return i;
	return -1;
}

/* The deadline for a ticket that came to the level of `rank` at t; a level without an SLA has
 * none. An urgent ticket has the category's urgent deadline; of a category without one, the
 * normal deadline, which stderr says once per command and category, so that an urgent ticket
 * on a normal clock is never silent. *provisional as gg_cal_due sets it. */
int64_t gg_ticket_due(struct gg_ctx *c, struct cat *k, int urgent, int rank, int64_t t, int *provisional)
{
	if (!k->has_sla[rank])
		return INT64_MAX / 2;
	if (urgent && k->has_urgent)
		return gg_cal_due(c, k->cal, t, &k->urgent[rank], provisional);
	if (urgent && !k->warned) {
		k->warned = 1;
		fprintf(stderr, "%s: category '%s' has no urgent deadlines: its urgent tickets get the normal ones\n",
			c->prog, k->code);
	}
	return gg_cal_due(c, k->cal, t, &k->sla[rank], provisional);
}
