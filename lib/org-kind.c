/* SPDX-License-Identifier: Apache-2.0 */
/* org-kind.c: the kinds gg-org keeps (unit, dept, person, party, link, duty, signboard, demand,
 * the districts' departments), each a table of fields over its queries in share/gg/queries/KIND/,
 * and the rules of the net that fields alone cannot say: a unit one level below its parent, a
 * Party organisation on one unit or spanning several, a joint committee's members. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "kind.h"
#include "ladder.h"
#include "org.h"
#include "text.h"

static const char *const dept_levels[] = {"city", "district", "street", NULL};
static const char *const roles[] = {"community_worker", "grid_worker", "building_head",
				    "party_household",	"auxiliary",   "property_manager",
				    "leader",		"dept_staff",  NULL};
static const char *const party_kinds[] = {"committee", "general_branch", "branch",     "group",
					  "household", "joint",		 "functional", NULL};
static const char *const member_kinds[] = {"department", "unit", "outside", NULL};
static const char *const duty_kinds[] = {"by_law", "assisted", "negative", NULL};
static const char *const demand_kinds[] = {"task", "data_request", "inspection", "meeting", "signboard", NULL};
static const char *const inspection_kinds[] = {"comprehensive", "special", NULL};

/* ---- unit ---- */

/* A unit whose level changes may not have units under it. */
static int unit_level_kept(struct gg_ctx *c, json_t *rec, json_t *old, const struct gg_src *src)
{
	const char *level = json_string_value(json_object_get(rec, "level"));
	struct gg_stmt *st;

	if (!old || strcmp(json_string_value(json_object_get(old, "level")), level) == 0)
		return 0;
	if (!(st = gg_db_named(c->db, "unit/children", &c->err)))
		return c->err.code;
	gg_stmt_bind_name(st, "code", json_object_get(rec, "code"));
	if (gg_stmt_step(st, &c->err) < 0)
		return c->err.code;
	if (gg_stmt_int(st, 0) > 0)
		return gg_kind_fail(c, src, rec, "level", "cannot make '%s' a %s: it has %lld units under it",
				    json_string_value(json_object_get(rec, "code")), level,
				    (long long)gg_stmt_int(st, 0));
	return 0;
}

/* An address of nothing but white space would match every ticket whose address is empty. */
static int blank_address(struct gg_ctx *c, const struct gg_src *src, json_t *rec, json_t *addrs)
{
	size_t i;
	json_t *a;

	json_array_foreach (addrs, i, a) {
		char *norm = json_is_string(a) ? gg_text_norm_address(json_string_value(a)) : NULL;
		int blank = norm && !*norm;
		free(norm);
		if (blank)
			return gg_kind_fail(c, src, rec, "addresses", "address %zu of '%s' is empty", i + 1,
					    json_string_value(json_object_get(rec, "code")));
	}
	return 0;
}

/* A unit sits exactly one level below its parent; only a city has none. */
static int unit_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	const char *const *levels = gg_ladder(c, "unit");
	const char *level = json_string_value(json_object_get(rec, "level"));
	const char *code = json_string_value(json_object_get(rec, "code"));
	json_t *parent = json_object_get(rec, "parent"), *p = NULL;
	int rank = gg_ladder_rank(c, "unit", level);

	if (!levels)
		return c->err.code;
	if (rank == 0 && json_is_string(parent))
		return gg_kind_fail(c, src, rec, "parent", "a city has no parent");
	if (json_is_string(parent)) {
		if (strcmp(json_string_value(parent), code) == 0)
			return gg_kind_fail(c, src, rec, "parent", "cycle in parents: unit '%s' is its own parent",
					    code);
		if (gg_kind_get(c, k, json_pack("{s:O}", "code", parent), &p))
			return c->err.code;
		if (!p)
			return gg_kind_fail(c, src, rec, "parent", "unknown parent unit '%s'",
					    json_string_value(parent));
		int prank = gg_ladder_rank(c, "unit", json_string_value(json_object_get(p, "level")));
		json_decref(p);
		if (prank < 0 || rank < 0)
			return c->err.code ? c->err.code : gg_kind_fail(c, src, rec, "level", "not a level of the net");
		if (prank != rank - 1)
			return gg_kind_fail(c, src, rec, "parent",
					    "a %s cannot stand directly under a %s ('%s'): its parent must be a %s",
					    level, levels[prank], json_string_value(parent),
					    rank > 0 ? levels[rank - 1] : "nothing");
	} else if (rank > 0) {
		return gg_kind_fail(c, src, rec, "parent", "a %s needs a parent (a %s)", level, levels[rank - 1]);
	}
	if (unit_level_kept(c, rec, old, src))
		return c->err.code;
	json_t *addrs = json_object_get(rec, "addresses");
	if (json_array_size(addrs) && strcmp(level, "building") != 0)
		return gg_kind_fail(c, src, rec, "addresses", "only buildings have addresses, and '%s' is a %s", code,
				    level);
	return blank_address(c, src, rec, addrs);
}

static const struct gg_field address_item[] = {{.name = "address", .type = GG_F_TEXT}};

const struct gg_kind gg_unit_kind = {
	.name = "unit",
	.plural = "units",
	.fields =
		(const struct gg_field[]){
			{.name = "code", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
			{.name = "name", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "level", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .ladder = "unit"},
			{.name = "parent",
			 .type = GG_F_REF,
			 .flags = GG_F_OWN_CHECK,
			 .ref = &gg_unit_kind,
			 .what = "units under it"},
			{.name = "population", .type = GG_F_INT},
			{.name = "households", .type = GG_F_INT},
			{.name = "addresses",
			 .type = GG_F_LIST,
			 .flags = GG_F_OWN_TABLE,
			 .item = address_item,
			 .nitem = 1},
			{0},
		},
	.check = unit_check,
};

/* ---- department, duty ---- */

const struct gg_kind gg_dept_kind = {
	.name = "dept",
	.plural = "departments",
	.fields =
		(const struct gg_field[]){
			{.name = "code", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
			{.name = "name", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "level", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = dept_levels},
			{0},
		},
};

/* Duties and signboards are kept in one list (table duty) and so share its codes: a code the
 * list holds as the other is refused, naming what holds it, rather than written over. */
static int list_code_free(struct gg_ctx *c, json_t *rec, const struct gg_src *src, int signboard)
{
	struct gg_stmt *st = gg_db_named(c->db, "duty/kind", &c->err);
	int rc;

	if (!st)
		return c->err.code;
	gg_stmt_bind_name(st, "code", json_object_get(rec, "code"));
	if ((rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	if (rc > 0 && (strcmp(gg_stmt_text(st, 0), "signboard") == 0) != signboard)
		return gg_kind_fail(c, src, rec, "code", "'%s' is a %s on the list already",
				    json_string_value(json_object_get(rec, "code")), signboard ? "duty" : "signboard");
	return 0;
}

/* A duty's code must not be a signboard's. */
static int duty_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	(void)k;
	return old ? 0 : list_code_free(c, rec, src, 0);
}

const struct gg_kind gg_duty_kind = {
	.name = "duty",
	.plural = "duties",
	.fields =
		(const struct gg_field[]){
			{.name = "code", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
			{.name = "name", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "kind", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = duty_kinds},
			{.name = "level", .type = GG_F_ENUM, .choices = dept_levels},
			{0},
		},
	.check = duty_check,
};

/* A signboard's code must not be a duty's. */
static int signboard_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old,
			   const struct gg_src *src)
{
	(void)k;
	return old ? 0 : list_code_free(c, rec, src, 1);
}

/* The signboards (牌子) a community may be given, kept in the duty list as kind signboard: a
 * signboard demand naming any other board is a finding of gg-report burden (牌子乱象). */
const struct gg_kind gg_signboard_kind = {
	.name = "signboard",
	.plural = "signboards",
	.fields =
		(const struct gg_field[]){
			{.name = "code", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
			{.name = "name", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "level", .type = GG_F_ENUM, .choices = dept_levels},
			{0},
		},
	.check = signboard_check,
};

/* ---- person ---- */

static const struct gg_field role_item[] = {
	{.name = "role", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = roles},
	{.name = "unit", .type = GG_F_REF, .flags = GG_F_REQUIRED, .ref = &gg_unit_kind, .what = "roles of people"},
};

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* A resident id number (GB 11643): 17 digits and a check character by ISO 7064 MOD 11-2, X
 * standing for 10. */
static int id_number_ok(const char *s)
{
	static const int weight[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	int sum = 0, check;

	if (strlen(s) != 18 || !all_digits(s, 17))
		return 0;
	for (int i = 0; i < 17; i++)
		sum += (s[i] - '0') * weight[i];
	check = (12 - sum % 11) % 11;
	return s[17] == (check == 10 ? 'X' : '0' + check);
}

/* Checked once unmasked, and only when new or changed: a number stored before these rules is
 * kept until someone writes it again. */
static int person_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	const char *phone = json_string_value(json_object_get(rec, "phone"));
	const char *id = json_string_value(json_object_get(rec, "id_number"));

	(void)k;
	if (phone && *phone && !json_equal(json_object_get(rec, "phone"), old ? json_object_get(old, "phone") : NULL) &&
	    !gg_text_phone_ok(phone))
		return gg_kind_fail(c, src, rec, "phone",
				    "not a phone number: a mobile is 11 digits beginning 13 to 19, a "
				    "landline [0AREA-]NUMBER[-EXTENSION] (0523-86881234-801)");
	if (id && *id &&
	    !json_equal(json_object_get(rec, "id_number"), old ? json_object_get(old, "id_number") : NULL)) {
		size_t n = strlen(id);
		if (n == 15 && all_digits(id, n))
			return gg_kind_fail(c, src, rec, "id_number",
					    "a 15-digit id number is no longer valid: write the 18-character one");
		if (!id_number_ok(id))
			return gg_kind_fail(c, src, rec, "id_number",
					    "not a resident id number: 17 digits and a check character (0-9 or X) that "
					    "matches them");
	}
	return 0;
}

const struct gg_kind gg_person_kind = {
	.name = "person",
	.plural = "people",
	.fields =
		(const struct gg_field[]){
			{.name = "code", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
			{.name = "name", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "phone", .type = GG_F_TEXT, .flags = GG_F_PERSONAL},
			{.name = "id_number", .type = GG_F_TEXT, .flags = GG_F_PERSONAL},
			{.name = "party_member", .type = GG_F_BOOL},
			{.name = "roles", .type = GG_F_LIST, .flags = GG_F_OWN_TABLE, .item = role_item, .nitem = 2},
			{0},
		},
	.check = person_check,
};

/* ---- Party organisation ---- */

static const struct gg_field party_unit_item[] = {
	{.name = "unit", .type = GG_F_REF, .ref = &gg_unit_kind, .what = "joint or functional Party organisations"}};

static const struct gg_field party_member_item[] = {
	{.name = "kind", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = member_kinds},
	/* text, not a code: on the command line an outside member's name comes in it (below), and
	 * a department's or unit's code is checked by looking it up */
	{.name = "code", .type = GG_F_TEXT},
	{.name = "name", .type = GG_F_TEXT},
};

/* Whether a record of kind k has the code `code`: 1 it has, 0 not, -1 on error. */
static int known(struct gg_ctx *c, const struct gg_kind *k, const char *code)
{
	json_t *r = NULL;

	if (gg_kind_get(c, k, json_pack("{s:s}", "code", code), &r))
		return -1;
	json_decref(r);
	return r != NULL;
}

/* 1 when s is NULL or nothing but spaces (an ideographic one too). */
static int blank(const char *s)
{
	while (s && *s)
		if (strchr(" \t\r\n", *s))
			s++;
		else if (!strncmp(s, "\xe3\x80\x80", 3))
			s += 3;
		else
			return 0;
	return 1;
}

/* One member of a joint committee, the i-th of members: a department or a unit by its code,
 * once; an outside member (an enterprise, a social organisation) by its name, never blank. On
 * the command line (--members KIND:VALUE, src without a reader) the value of an outside member
 * comes as its code: it is its name. A document says which it gives, and a member giving both
 * or the other is refused rather than half kept. */
static int member_check(struct gg_ctx *c, const struct gg_src *src, json_t *rec, json_t *members, size_t i)
{
	json_t *m = json_array_get(members, i), *o;
	const char *kind = json_string_value(json_object_get(m, "kind"));
	const char *code = json_string_value(json_object_get(m, "code"));
	const char *name = json_string_value(json_object_get(m, "name"));
	int is_dept = !strcmp(kind, "department"), rc;
	size_t j;

	if (!strcmp(kind, "outside")) {
		if (code && !name && !(src && src->r)) {
			json_object_set(m, "name", json_object_get(m, "code"));
			json_object_del(m, "code");
			name = json_string_value(json_object_get(m, "name")), code = NULL;
		}
		if (code)
			return gg_kind_fail(c, src, rec, "members",
					    "member %zu: an outside member has a name, not a code", i + 1);
		if (blank(name))
			return gg_kind_fail(c, src, rec, "members", "member %zu: an outside member needs a name",
					    i + 1);
		return 0;
	}
	if (name)
		return gg_kind_fail(c, src, rec, "members", "member %zu: a %s member has a code, not a name", i + 1,
				    kind);
	if (blank(code))
		return gg_kind_fail(c, src, rec, "members", "member %zu: a %s member needs a code", i + 1, kind);
	for (j = 0; j < i; j++) {
		o = json_array_get(members, j);
		if (!strcmp(kind, json_string_value(json_object_get(o, "kind"))) &&
		    json_equal(json_object_get(o, "code"), json_object_get(m, "code")))
			return gg_kind_fail(c, src, rec, "members", "member %zu: %s '%s' is member %zu already", i + 1,
					    kind, code, j + 1);
	}
	if ((rc = known(c, is_dept ? &gg_dept_kind : &gg_unit_kind, code)) < 0)
		return c->err.code;
	if (!rc)
		return gg_kind_fail(c, src, rec, "members", "member %zu: unknown %s '%s'", i + 1, kind, code);
	return 0;
}

/* Members make a committee on a street or community a joint one (街道大工委, 社区大党委). */
static int members_check(struct gg_ctx *c, const struct gg_src *src, json_t *rec, const char *kind)
{
	json_t *members = json_object_get(rec, "members"), *u = NULL;
	const char *level = NULL;
	size_t i;
	int ok;

	if (!json_array_size(members))
		return 0;
	if (strcmp(kind, "committee") == 0 && json_object_get(rec, "unit") &&
	    gg_kind_get(c, &gg_unit_kind, json_pack("{s:O}", "code", json_object_get(rec, "unit")), &u))
		return c->err.code;
	level = u ? json_string_value(json_object_get(u, "level")) : NULL;
	ok = level && (!strcmp(level, "street") || !strcmp(level, "community"));
	json_decref(u);
	if (!ok)
		return gg_kind_fail(c, src, rec, "members",
				    "only a committee on a street or community (a joint committee) has members");
	for (i = 0; i < json_array_size(members); i++)
		if (member_check(c, src, rec, members, i))
			return c->err.code;
	return 0;
}

/* A joint or functional organisation spans units; any other stands on one. */
static int party_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	const char *kind = json_string_value(json_object_get(rec, "kind"));
	int spans = strcmp(kind, "joint") == 0 || strcmp(kind, "functional") == 0;

	(void)k;
	(void)old;
	if (members_check(c, src, rec, kind))
		return c->err.code;
	if (!spans && !json_object_get(rec, "unit"))
		return gg_kind_fail(c, src, rec, "unit", "a %s needs the unit it stands on", kind);
	if (!spans && json_array_size(json_object_get(rec, "units")))
		return gg_kind_fail(c, src, rec, "units", "only joint and functional organisations span units");
	if (spans && !json_object_get(rec, "unit") && !json_array_size(json_object_get(rec, "units")))
		return gg_kind_fail(c, src, rec, "units", "a %s organisation needs the units it spans", kind);
	return 0;
}

const struct gg_kind gg_party_kind = {
	.name = "party",
	.plural = "party_orgs",
	.fields =
		(const struct gg_field[]){
			{.name = "code", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
			{.name = "name", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "kind", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = party_kinds},
			{.name = "unit", .type = GG_F_REF, .ref = &gg_unit_kind, .what = "Party organisations"},
			{.name = "units",
			 .type = GG_F_LIST,
			 .flags = GG_F_OWN_TABLE,
			 .item = party_unit_item,
			 .nitem = 1},
			{.name = "secretary",
			 .type = GG_F_REF,
			 .ref = &gg_person_kind,
			 .what = "Party organisations (as secretary)"},
			{.name = "members",
			 .type = GG_F_LIST,
			 .flags = GG_F_OWN_TABLE,
			 .item = party_member_item,
			 .nitem = 3},
			{0},
		},
	.check = party_check,
};

/* ---- leader link, demand ---- */

/* A link ties a city or county leader to a community: to anyone else it would count as a
 * leader's link in every report, and check would never see the person had no leader role. */
static int link_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	json_t *leader = json_object_get(rec, "leader"), *p = NULL, *role;
	size_t i;
	int is_leader = 0;

	(void)k;
	(void)old;
	if (gg_kind_get(c, &gg_person_kind, json_pack("{s:O}", "code", leader), &p))
		return c->err.code;
	if (!p) /* the reference itself is checked, and named, with the other fields */
		return 0;
	json_array_foreach (json_object_get(p, "roles"), i, role)
		if (!strcmp(json_string_value(json_object_get(role, "role")), "leader"))
			is_leader = 1;
	json_decref(p);
	if (!is_leader)
		return gg_kind_fail(c, src, rec, "leader",
				    "'%s' is not a leader: only a person with the role leader is linked to a community",
				    json_string_value(leader));
	return 0;
}

const struct gg_kind gg_link_kind = {
	.name = "link",
	.plural = "links",
	.fields =
		(const struct gg_field[]){
			{.name = "leader",
			 .type = GG_F_REF,
			 .flags = GG_F_KEY | GG_F_REQUIRED,
			 .ref = &gg_person_kind,
			 .what = "leader links"},
			{.name = "unit",
			 .type = GG_F_REF,
			 .flags = GG_F_KEY | GG_F_REQUIRED,
			 .ref = &gg_unit_kind,
			 .ref_level = "community",
			 .what = "leader links"},
			{0},
		},
	.check = link_check,
};

static const struct gg_field field_item[] = {{.name = "field", .type = GG_F_TEXT}};

/* An inspection says whether it is comprehensive or special (the cap counts the first), and
 * nothing else does; a signboard demand names its board (as the department wrote it, on the
 * list or not: the audit finds the ones not), and nothing else does. */
static int demand_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	const char *kind = json_string_value(json_object_get(rec, "kind"));
	const char *board = json_string_value(json_object_get(rec, "signboard"));

	(void)k;
	(void)old;
	if (json_object_get(rec, "inspection_kind") && strcmp(kind, "inspection"))
		return gg_kind_fail(c, src, rec, "inspection_kind", "only an inspection has one, and this is a %s",
				    kind);
	if (json_object_get(rec, "signboard") && strcmp(kind, "signboard"))
		return gg_kind_fail(c, src, rec, "signboard", "only a signboard demand names a board, and this is a %s",
				    kind);
	if (!strcmp(kind, "signboard") && blank(board))
		return gg_kind_fail(c, src, rec, "signboard", "a signboard demand names the board it asks for");
	return 0;
}

const struct gg_kind gg_demand_kind = {
	.name = "demand",
	.plural = "demands",
	.flags = GG_K_FIND,
	.fields =
		(const struct gg_field[]){
			{.name = "id", .type = GG_F_ID, .flags = GG_F_KEY},
			{.name = "department",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_dept_kind,
			 .what = "demands"},
			{.name = "unit",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_unit_kind,
			 .ref_level = "community",
			 .what = "demands"},
			{.name = "kind", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = demand_kinds},
			{.name = "title", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "date", .type = GG_F_DATE, .flags = GG_F_REQUIRED},
			{.name = "duty", .type = GG_F_REF, .ref = &gg_duty_kind, .what = "demands"},
			{.name = "approved", .type = GG_F_BOOL},
			{.name = "funded", .type = GG_F_BOOL},
			{.name = "fields", .type = GG_F_LIST, .item = field_item, .nitem = 1},
			{.name = "inspection_kind", .type = GG_F_ENUM, .choices = inspection_kinds},
			{.name = "signboard", .type = GG_F_TEXT},
			{0},
		},
	.check = demand_check,
};

/* ---- a district's departments ---- */

/* Which of a district's departments a category's department_role summons (城管 to 海陵区城管局):
 * the key is the district and the role. */
const struct gg_kind gg_district_dept_kind = {
	.name = "district-dept",
	.plural = "district_departments",
	.fields =
		(const struct gg_field[]){
			{.name = "district",
			 .type = GG_F_REF,
			 .flags = GG_F_KEY | GG_F_REQUIRED,
			 .ref = &gg_unit_kind,
			 .ref_level = "district",
			 .what = "district departments"},
			{.name = "role", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
			{.name = "department",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_dept_kind,
			 .what = "district departments"},
			{0},
		},
};

/* ---- a joint committee's members, as references ---- */

/* A member's code is a department's or a unit's, as its kind says, so no field of the party
 * kind can declare it: this kind declares the two references, each counted by its query, so
 * that `dept rm` and `unit rm` refuse a member; it keeps nothing (the members are the party
 * kind's). */
const struct gg_kind gg_party_member_kind = {
	.name = "party-member",
	.plural = "party_org_members",
	.flags = GG_K_NOCRUD,
	.fields =
		(const struct gg_field[]){
			{.name = "party_org", .type = GG_F_CODE, .flags = GG_F_KEY},
			{.name = "department", .type = GG_F_REF, .ref = &gg_dept_kind, .what = "joint committees"},
			{.name = "unit", .type = GG_F_REF, .ref = &gg_unit_kind, .what = "joint committees"},
			{0},
		},
};

/* gg-org's registry, in the order a document is imported: what is referred to comes first. */
const struct gg_kind *const gg_org_kinds[] = {
	&gg_unit_kind, &gg_dept_kind,	   &gg_person_kind, &gg_party_kind,	    &gg_link_kind,
	&gg_duty_kind, &gg_signboard_kind, &gg_demand_kind, &gg_district_dept_kind, &gg_party_member_kind,
	NULL};
