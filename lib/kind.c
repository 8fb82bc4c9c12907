/* kind.c: the descriptions of gg-org's kinds and the operations they share. A record is
 * checked field by field against its description (type, choices, references, the kind's own
 * rule), merged over what is stored, written only when it differs, and audited. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "db.h"
#include "audit.h"
#include "cli.h"
#include "clock.h"
#include "kind.h"
#include "text.h"

const char *const gg_levels[] = {"city", "district", "street", "community", "grid", "building", NULL};
static const char *const dept_levels[] = {"city", "district", "street", NULL};
static const char *const roles[] = {"community_worker", "grid_worker", "building_head",
				    "party_household",	"auxiliary",   "property_manager",
				    "leader",		"dept_staff",  NULL};
static const char *const party_kinds[] = {"committee", "general_branch", "branch",     "group",
					  "household", "joint",		 "functional", NULL};
static const char *const duty_kinds[] = {"by_law", "assisted", "negative", NULL};
static const char *const demand_kinds[] = {"task", "data_request", "inspection", "meeting", "signboard", NULL};

int gg_level_rank(const char *level)
{
	for (int i = 0; gg_levels[i]; i++)
		if (strcmp(gg_levels[i], level) == 0)
			return i;
	return -1;
}

/* ---- unit ---- */

static const struct gg_field address_item[] = {{.name = "address", .type = GG_F_TEXT}};

static const struct gg_field unit_fields[] = {
	{.name = "code", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
	{.name = "name", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
	{.name = "level", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = gg_levels},
	{.name = "parent", .type = GG_F_REF, .flags = GG_F_OWN_CHECK, .ref = "unit"},
	{.name = "population", .type = GG_F_INT},
	{.name = "households", .type = GG_F_INT},
	{.name = "addresses",
	 .type = GG_F_LIST,
	 .item = address_item,
	 .nitem = 1,
	 .sql_items_get = "SELECT address FROM address WHERE unit = :code ORDER BY pos",
	 .sql_items_del = "DELETE FROM address WHERE unit = :code",
	 .sql_items_add = "INSERT INTO address (unit, pos, address, norm) VALUES (:code, :pos, :address, "
			  "gg_norm_address(:address))"},
	{0},
};

static const struct gg_referrer unit_referrers[] = {
	{"SELECT count(*) FROM unit WHERE parent = :code", "units under it"},
	{"SELECT count(*) FROM person_role WHERE unit = :code", "roles of people"},
	{"SELECT count(*) FROM party_org WHERE unit = :code", "Party organisations"},
	{"SELECT count(*) FROM party_org_unit WHERE unit = :code", "joint or functional Party organisations"},
	{"SELECT count(*) FROM link WHERE unit = :code", "leader links"},
	{"SELECT count(*) FROM demand WHERE unit = :code", "demands"},
	{"SELECT count(*) FROM ticket WHERE unit = :code", "tickets"},
	{0},
};

static const char sql_unit_children[] = "SELECT count(*), min(level) FROM unit WHERE parent = :code";

/* A unit sits exactly one level below its parent; only a city has none. */
static int unit_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	const char *level = json_string_value(json_object_get(rec, "level"));
	const char *code = json_string_value(json_object_get(rec, "code"));
	json_t *parent = json_object_get(rec, "parent"), *p = NULL;
	int rank = gg_level_rank(level);

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
		int prank = gg_level_rank(json_string_value(json_object_get(p, "level")));
		json_decref(p);
		if (prank != rank - 1)
			return gg_kind_fail(c, src, rec, "parent",
					    "a %s cannot stand directly under a %s ('%s'): its parent must be a %s",
					    level, gg_levels[prank], json_string_value(parent),
					    rank > 0 ? gg_levels[rank - 1] : "nothing");
	} else if (rank > 0 && !old) {
		return gg_kind_fail(c, src, rec, "parent", "a %s needs a parent (a %s)", level, gg_levels[rank - 1]);
	} else if (rank > 0 && old && !json_object_get(old, "parent")) {
		return gg_kind_fail(c, src, rec, "parent", "a %s needs a parent (a %s)", level, gg_levels[rank - 1]);
	}
	if (old && strcmp(json_string_value(json_object_get(old, "level")), level) != 0) {
		struct gg_stmt *st = gg_db_stmt(c->db, sql_unit_children, &c->err);
		int n;
		if (!st)
			return c->err.code;
		gg_stmt_bind_text(st, 1, code);
		if ((n = gg_stmt_step(st, &c->err)) < 0)
			return c->err.code;
		if (gg_stmt_int(st, 0) > 0)
			return gg_kind_fail(c, src, rec, "level", "cannot make '%s' a %s: it has %lld units under it",
					    code, level, (long long)gg_stmt_int(st, 0));
	}
	if (json_array_size(json_object_get(rec, "addresses")) && strcmp(level, "building") != 0)
		return gg_kind_fail(c, src, rec, "addresses", "only buildings have addresses, and '%s' is a %s", code,
				    level);
	return 0;
}

static const struct gg_kind unit_kind = {
	.name = "unit",
	.plural = "units",
	.keys = (const char *const[]){"code", NULL},
	.fields = unit_fields,
	.sql_get = "SELECT code, name, level, parent, population, households FROM unit WHERE code = :code",
	.sql_put = "INSERT INTO unit (code, name, level, parent, population, households) "
		   "VALUES (:code, :name, :level, :parent, :population, :households) "
		   "ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, "
		   "parent = excluded.parent, population = excluded.population, households = excluded.households",
	.sql_del = "DELETE FROM unit WHERE code = :code",
	.sql_all = "SELECT code, name, level, parent, population, households FROM unit ORDER BY code",
	.referrers = unit_referrers,
	.check = unit_check,
};

/* ---- person ---- */

static const struct gg_field role_item[] = {
	{.name = "role", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = roles},
	{.name = "unit", .type = GG_F_REF, .flags = GG_F_REQUIRED, .ref = "unit"},
};

static const struct gg_field person_fields[] = {
	{.name = "code", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
	{.name = "name", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
	{.name = "phone", .type = GG_F_TEXT, .flags = GG_F_PERSONAL},
	{.name = "id_number", .type = GG_F_TEXT, .flags = GG_F_PERSONAL},
	{.name = "party_member", .type = GG_F_BOOL},
	{.name = "roles",
	 .type = GG_F_LIST,
	 .item = role_item,
	 .nitem = 2,
	 .sql_items_get = "SELECT role, unit FROM person_role WHERE person = :code ORDER BY pos",
	 .sql_items_del = "DELETE FROM person_role WHERE person = :code",
	 .sql_items_add = "INSERT INTO person_role (person, pos, role, unit) VALUES (:code, :pos, :role, :unit)"},
	{0},
};

static const struct gg_referrer person_referrers[] = {
	{"SELECT count(*) FROM party_org WHERE secretary = :code", "Party organisations (as secretary)"},
	{"SELECT count(*) FROM link WHERE leader = :code", "leader links"},
	{0},
};

static const struct gg_kind person_kind = {
	.name = "person",
	.plural = "people",
	.keys = (const char *const[]){"code", NULL},
	.fields = person_fields,
	.sql_get = "SELECT code, name, phone, id_number, party_member FROM person WHERE code = :code",
	.sql_put = "INSERT INTO person (code, name, phone, id_number, party_member) "
		   "VALUES (:code, :name, :phone, :id_number, :party_member) "
		   "ON CONFLICT (code) DO UPDATE SET name = excluded.name, phone = excluded.phone, "
		   "id_number = excluded.id_number, party_member = excluded.party_member",
	.sql_del = "DELETE FROM person WHERE code = :code",
	.sql_all = "SELECT code, name, phone, id_number, party_member FROM person ORDER BY code",
	.referrers = person_referrers,
};

/* ---- party organisation ---- */

static const struct gg_field party_unit_item[] = {{.name = "unit", .type = GG_F_REF, .ref = "unit"}};

static const struct gg_field party_fields[] = {
	{.name = "code", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
	{.name = "name", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
	{.name = "kind", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = party_kinds},
	{.name = "unit", .type = GG_F_REF, .ref = "unit"},
	{.name = "units",
	 .type = GG_F_LIST,
	 .item = party_unit_item,
	 .nitem = 1,
	 .sql_items_get = "SELECT unit FROM party_org_unit WHERE party_org = :code ORDER BY pos",
	 .sql_items_del = "DELETE FROM party_org_unit WHERE party_org = :code",
	 .sql_items_add = "INSERT INTO party_org_unit (party_org, pos, unit) VALUES (:code, :pos, :unit)"},
	{.name = "secretary", .type = GG_F_REF, .ref = "person"},
	{0},
};

/* A joint or functional organisation spans units; any other stands on one. */
static int party_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	const char *kind = json_string_value(json_object_get(rec, "kind"));
	int spans = strcmp(kind, "joint") == 0 || strcmp(kind, "functional") == 0;

	(void)k;
	(void)old;
	if (!spans && !json_object_get(rec, "unit"))
		return gg_kind_fail(c, src, rec, "unit", "a %s needs the unit it stands on", kind);
	if (!spans && json_array_size(json_object_get(rec, "units")))
		return gg_kind_fail(c, src, rec, "units", "only joint and functional organisations span units");
	if (spans && !json_object_get(rec, "unit") && !json_array_size(json_object_get(rec, "units")))
		return gg_kind_fail(c, src, rec, "units", "a %s organisation needs the units it spans", kind);
	return 0;
}

static const struct gg_kind party_kind = {
	.name = "party",
	.plural = "party_orgs",
	.keys = (const char *const[]){"code", NULL},
	.fields = party_fields,
	.sql_get = "SELECT code, name, kind, unit, secretary FROM party_org WHERE code = :code",
	.sql_put = "INSERT INTO party_org (code, name, kind, unit, secretary) "
		   "VALUES (:code, :name, :kind, :unit, :secretary) "
		   "ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
		   "unit = excluded.unit, secretary = excluded.secretary",
	.sql_del = "DELETE FROM party_org WHERE code = :code",
	.sql_all = "SELECT code, name, kind, unit, secretary FROM party_org ORDER BY code",
	.referrers = (const struct gg_referrer[]){{0}},
	.check = party_check,
};

/* ---- department ---- */

static const struct gg_field dept_fields[] = {
	{.name = "code", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
	{.name = "name", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
	{.name = "level", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = dept_levels},
	{0},
};

static const struct gg_kind dept_kind = {
	.name = "dept",
	.plural = "departments",
	.keys = (const char *const[]){"code", NULL},
	.fields = dept_fields,
	.sql_get = "SELECT code, name, level FROM department WHERE code = :code",
	.sql_put = "INSERT INTO department (code, name, level) VALUES (:code, :name, :level) "
		   "ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level",
	.sql_del = "DELETE FROM department WHERE code = :code",
	.sql_all = "SELECT code, name, level FROM department ORDER BY code",
	.referrers = (const struct gg_referrer[]){{"SELECT count(*) FROM demand WHERE department = :code", "demands"},
						  {"SELECT count(*) FROM category WHERE department = :code",
						   "ticket categories"},
						  {0}},
};

/* ---- duty ---- */

static const struct gg_field duty_fields[] = {
	{.name = "code", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
	{.name = "name", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
	{.name = "kind", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = duty_kinds},
	{.name = "level", .type = GG_F_ENUM, .choices = dept_levels},
	{0},
};

static const struct gg_kind duty_kind = {
	.name = "duty",
	.plural = "duties",
	.keys = (const char *const[]){"code", NULL},
	.fields = duty_fields,
	.sql_get = "SELECT code, name, kind, level FROM duty WHERE code = :code",
	.sql_put =
		"INSERT INTO duty (code, name, kind, level) VALUES (:code, :name, :kind, :level) "
		"ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, level = excluded.level",
	.sql_del = "DELETE FROM duty WHERE code = :code",
	.sql_all = "SELECT code, name, kind, level FROM duty ORDER BY code",
	.referrers = (const struct gg_referrer[]){{"SELECT count(*) FROM demand WHERE duty = :code", "demands"}, {0}},
};

/* ---- demand ---- */

static const struct gg_field field_item[] = {{.name = "field", .type = GG_F_TEXT}};

static const struct gg_field demand_fields[] = {
	{.name = "id", .type = GG_F_ID, .flags = GG_F_KEY},
	{.name = "department", .type = GG_F_REF, .flags = GG_F_REQUIRED, .ref = "dept"},
	{.name = "unit", .type = GG_F_REF, .flags = GG_F_REQUIRED, .ref = "unit", .ref_level = "community"},
	{.name = "kind", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = demand_kinds},
	{.name = "title", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
	{.name = "date", .type = GG_F_DATE, .flags = GG_F_REQUIRED},
	{.name = "duty", .type = GG_F_REF, .ref = "duty"},
	{.name = "approved", .type = GG_F_BOOL},
	{.name = "funded", .type = GG_F_BOOL},
	{.name = "fields", .type = GG_F_LIST, .item = field_item, .nitem = 1},
	{0},
};

static const struct gg_kind demand_kind = {
	.name = "demand",
	.plural = "demands",
	.keys = (const char *const[]){"id", NULL},
	.fields = demand_fields,
	.sql_get = "SELECT id, department, unit, kind, title, date, duty, approved, funded, fields FROM demand "
		   "WHERE id = :id",
	.sql_put = "INSERT INTO demand (id, department, unit, kind, title, date, duty, approved, funded, fields) "
		   "VALUES (:id, :department, :unit, :kind, :title, :date, :duty, :approved, :funded, :fields) "
		   "ON CONFLICT (id) DO UPDATE SET department = excluded.department, unit = excluded.unit, "
		   "kind = excluded.kind, title = excluded.title, date = excluded.date, duty = excluded.duty, "
		   "approved = excluded.approved, funded = excluded.funded, fields = excluded.fields",
	.sql_del = "DELETE FROM demand WHERE id = :id",
	.sql_all = "SELECT id, department, unit, kind, title, date, duty, approved, funded, fields FROM demand "
		   "ORDER BY id",
	.sql_find = "SELECT id FROM demand WHERE department = :department AND unit = :unit AND kind = :kind "
		    "AND title = :title AND date = :date ORDER BY id LIMIT 1",
	.referrers = (const struct gg_referrer[]){{0}},
};

/* ---- leader link ---- */

static const struct gg_field link_fields[] = {
	{.name = "leader", .type = GG_F_REF, .flags = GG_F_KEY | GG_F_REQUIRED, .ref = "person"},
	{.name = "unit", .type = GG_F_REF, .flags = GG_F_KEY | GG_F_REQUIRED, .ref = "unit", .ref_level = "community"},
	{0},
};

static const struct gg_kind link_kind = {
	.name = "link",
	.plural = "links",
	.keys = (const char *const[]){"leader", "unit", NULL},
	.fields = link_fields,
	.sql_get = "SELECT leader, unit FROM link WHERE leader = :leader AND unit = :unit",
	.sql_put = "INSERT INTO link (leader, unit) VALUES (:leader, :unit) ON CONFLICT DO NOTHING",
	.sql_del = "DELETE FROM link WHERE leader = :leader AND unit = :unit",
	.sql_all = "SELECT leader, unit FROM link ORDER BY leader, unit",
	.referrers = (const struct gg_referrer[]){{0}},
};

/* The order documents are imported in: what is referred to comes first. */
const struct gg_kind *const gg_kinds[] = {&unit_kind, &dept_kind, &person_kind, &party_kind,
					  &link_kind, &duty_kind, &demand_kind, NULL};

const struct gg_kind *gg_kind_find(const char *name)
{
	for (int i = 0; gg_kinds[i]; i++)
		if (strcmp(gg_kinds[i]->name, name) == 0 || strcmp(gg_kinds[i]->plural, name) == 0)
			return gg_kinds[i];
	return NULL;
}

const struct gg_field *gg_kind_field(const struct gg_kind *k, const char *name)
{
	for (const struct gg_field *f = k->fields; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

/* ---- messages ---- */

const char *gg_key_text(const struct gg_kind *k, json_t *rec, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; k->keys[i] && len < n; i++) {
		json_t *v = json_object_get(rec, k->keys[i]);
		char *s = gg_cell(v);
		len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? " " : "", s);
		free(s);
	}
	return buf;
}

int gg_kind_fail(struct gg_ctx *c, const struct gg_src *src, json_t *rec, const char *field, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (src && src->r) {
		if (field && rec && gg_reader_known(src->r, rec, field))
			return gg_reader_fail(src->r, &c->err, rec, field, "%s: %s", field, msg);
		if (field && src->rec && gg_reader_known(src->r, src->rec, field))
			return gg_reader_fail(src->r, &c->err, src->rec, field, "%s: %s", field, msg);
		if (field)
			return gg_reader_fail_i(src->r, &c->err, src->in, src->idx, "%s: %s", field, msg);
		return gg_reader_fail_i(src->r, &c->err, src->in, src->idx, "%s", msg);
	}
	if (field)
		return gg_err_set(&c->err, GG_EX_DATAERR, "%s: %s", field, msg);
	return gg_err_set(&c->err, GG_EX_DATAERR, "%s", msg);
}

/* ---- values ---- */

static int valid_code(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 100)
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == 0x7f || *s == '/')
			return 0;
	return 1;
}

static int parse_int(const char *s, json_int_t *v)
{
	char *end;
	if (!*s)
		return -1;
	*v = strtoll(s, &end, 10);
	return *end ? -1 : 0;
}

static void list_choices(const char *const *ch, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; ch[i] && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? ", " : "", ch[i]);
}

/* The value of field f in `in` (under key `key`) as the type f wants, or an error. */
static int coerce(struct gg_ctx *c, const struct gg_src *src, json_t *in, const char *key, const struct gg_field *f,
		  json_t *v, json_t **out)
{
	json_int_t n;
	char buf[256];
	const char *s = json_string_value(v);

	*out = NULL;
	if (json_is_null(v))
		return 0;
	switch (f->type) {
	case GG_F_TEXT:
	case GG_F_CODE:
	case GG_F_REF:
	case GG_F_ENUM:
	case GG_F_DATE:
		if (json_is_integer(v)) {
			if (src && src->r && gg_reader_lossy(src->r, in, key))
				return gg_kind_fail(c, src, in, key,
						    "this is read as the number %" JSON_INTEGER_FORMAT
						    ", not as the text written; put it in quotes",
						    json_integer_value(v));
			snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
			s = buf;
		}
		if (!s)
			return gg_kind_fail(c, src, in, key, "expected text, not %s",
					    json_is_boolean(v) ? "true/false"
					    : json_is_real(v)  ? "a number"
							       : "a list or mapping");
		if (!gg_text_utf8_ok(s))
			return gg_kind_fail(c, src, in, key, "not valid UTF-8");
		if ((f->type == GG_F_CODE || f->type == GG_F_REF) && !valid_code(s))
			return gg_kind_fail(c, src, in, key,
					    "'%s' is not a code: 1 to 100 characters, no spaces or '/'", s);
		if (f->type == GG_F_ENUM) {
			int ok = 0;
			for (int i = 0; f->choices[i]; i++)
				ok |= strcmp(f->choices[i], s) == 0;
			if (!ok) {
				char ch[512];
				list_choices(f->choices, ch, sizeof ch);
				return gg_kind_fail(c, src, in, key, "unknown %s '%s' (one of: %s)", f->name, s, ch);
			}
		}
		if (f->type == GG_F_DATE) {
			int64_t t;
			if (gg_date_parse(s, &t))
				return gg_kind_fail(c, src, in, key, "'%s' is not a date (YYYY-MM-DD)", s);
		}
		if (f->type == GG_F_TEXT && (f->flags & GG_F_REQUIRED) && !*s)
			return gg_kind_fail(c, src, in, key, "must not be empty");
		*out = json_string(s);
		return 0;
	case GG_F_INT:
	case GG_F_ID:
		if (json_is_integer(v))
			n = json_integer_value(v);
		else if (!s || parse_int(s, &n))
			return gg_kind_fail(c, src, in, key, "expected a whole number");
		if (n < 0 || (f->type == GG_F_ID && n == 0))
			return gg_kind_fail(c, src, in, key, "must not be negative%s",
					    f->type == GG_F_ID ? " or zero" : "");
		*out = json_integer(n);
		return 0;
	case GG_F_BOOL:
		if (json_is_boolean(v)) {
			*out = json_incref(v);
			return 0;
		}
		if (s && (!strcmp(s, "true") || !strcmp(s, "yes") || !strcmp(s, "1")))
			*out = json_true();
		else if (s && (!strcmp(s, "false") || !strcmp(s, "no") || !strcmp(s, "0")))
			*out = json_false();
		else
			return gg_kind_fail(c, src, in, key, "expected true or false");
		return 0;
	case GG_F_OBJECT:
		if (!json_is_object(v))
			return gg_kind_fail(c, src, in, key, "expected a mapping");
		*out = json_incref(v);
		return 0;
	case GG_F_LIST: {
		size_t i;
		json_t *x, *list;
		if (!json_is_array(v))
			return gg_kind_fail(c, src, in, key, "expected a list");
		list = json_array();
		json_array_foreach (v, i, x) {
			json_t *item = NULL;
			if (f->nitem == 1) {
				/* positions of list elements are kept by index, not by key */
				struct gg_src at = src ? *src : (struct gg_src){0};
				at.in = v;
				at.idx = i;
				if (json_is_object(x) || json_is_array(x)) {
					json_decref(list);
					return gg_kind_fail(c, &at, NULL, NULL, "%s: expected a list of values", key);
				}
				if (coerce(c, NULL, NULL, key, &f->item[0], x, &item)) {
					char msg[1024];
					snprintf(msg, sizeof msg, "%s", c->err.msg);
					json_decref(list);
					return gg_kind_fail(c, &at, NULL, NULL, "%s", msg);
				}
			} else {
				const char *ik;
				json_t *iv;
				if (!json_is_object(x)) {
					json_decref(list);
					return gg_kind_fail(c, src, in, key, "expected a list of mappings");
				}
				json_object_foreach (x, ik, iv) {
					int known = 0;
					for (int j = 0; j < f->nitem; j++)
						known |= strcmp(f->item[j].name, ik) == 0;
					if (!known) {
						json_decref(list);
						return gg_kind_fail(c, src, x, ik, "unknown field in %s", key);
					}
				}
				item = json_object();
				for (int j = 0; j < f->nitem; j++) {
					json_t *cv;
					if (coerce(c, src, x, f->item[j].name, &f->item[j],
						   json_object_get(x, f->item[j].name), &cv)) {
						json_decref(item);
						json_decref(list);
						return c->err.code;
					}
					if (!cv && (f->item[j].flags & GG_F_REQUIRED)) {
						json_decref(item);
						json_decref(list);
						return gg_kind_fail(c, src, x, NULL, "%s: each entry needs a %s", key,
								    f->item[j].name);
					}
					if (cv)
						json_object_set_new(item, f->item[j].name, cv);
				}
			}
			if (item)
				json_array_append_new(list, item);
		}
		*out = list;
		return 0;
	}
	}
	return 0;
}

/* Checks that a referenced record exists (and has the level the field asks for). */
static int check_ref(struct gg_ctx *c, const struct gg_src *src, json_t *in, const char *key, const struct gg_field *f,
		     json_t *v)
{
	const struct gg_kind *rk = gg_kind_find(f->ref);
	json_t *found = NULL;

	if (gg_kind_get(c, rk, json_pack("{s:O}", rk->keys[0], v), &found))
		return c->err.code;
	if (!found)
		return gg_kind_fail(c, src, in, key, "unknown %s '%s'", rk->name, json_string_value(v));
	if (f->ref_level) {
		const char *lv = json_string_value(json_object_get(found, "level"));
		if (!lv || strcmp(lv, f->ref_level) != 0) {
			gg_kind_fail(c, src, in, key, "'%s' is a %s, not a %s", json_string_value(v), lv ? lv : "?",
				     f->ref_level);
			json_decref(found);
			return c->err.code;
		}
	}
	json_decref(found);
	return 0;
}

/* ---- storage ---- */

static int bind_all(struct gg_stmt *st, const struct gg_kind *k, json_t *rec)
{
	for (const struct gg_field *f = k->fields; f->name; f++)
		if (f->type != GG_F_LIST || !f->sql_items_get)
			gg_stmt_bind_name(st, f->name, json_object_get(rec, f->name));
	return 0;
}

static int get_items(struct gg_ctx *c, const struct gg_field *f, json_t *rec)
{
	struct gg_stmt *st = gg_db_stmt(c->db, f->sql_items_get, &c->err);
	json_t *list = json_array();
	int rc;

	if (!st)
		return c->err.code;
	gg_stmt_bind_name(st, "code", json_object_get(rec, "code"));
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *row = gg_stmt_row(st);
		if (f->nitem == 1) {
			json_array_append(list, json_object_get(row, f->item[0].name));
			json_decref(row);
		} else {
			json_array_append_new(list, row);
		}
	}
	if (rc < 0) {
		json_decref(list);
		return c->err.code;
	}
	if (json_array_size(list))
		json_object_set_new(rec, f->name, list);
	else
		json_decref(list);
	return 0;
}

static int complete(struct gg_ctx *c, const struct gg_kind *k, json_t *rec)
{
	for (const struct gg_field *f = k->fields; f->name; f++)
		if (f->type == GG_F_LIST && f->sql_items_get && get_items(c, f, rec))
			return c->err.code;
	return 0;
}

/* The stored record whose key fields are in `key` (which this call consumes), or NULL. */
int gg_kind_get(struct gg_ctx *c, const struct gg_kind *k, json_t *key, json_t **out)
{
	struct gg_stmt *st = gg_db_stmt(c->db, k->sql_get, &c->err);
	int rc;

	*out = NULL;
	if (!st) {
		json_decref(key);
		return c->err.code;
	}
	for (int i = 0; k->keys[i]; i++)
		gg_stmt_bind_name(st, k->keys[i], json_object_get(key, k->keys[i]));
	json_decref(key);
	if ((rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	if (rc == 0)
		return 0;
	*out = gg_stmt_row(st);
	return complete(c, k, *out);
}

static int put_items(struct gg_ctx *c, const struct gg_field *f, json_t *rec)
{
	struct gg_stmt *st = gg_db_stmt(c->db, f->sql_items_del, &c->err);
	json_t *list = json_object_get(rec, f->name), *x;
	size_t i;

	if (!st)
		return c->err.code;
	gg_stmt_bind_name(st, "code", json_object_get(rec, "code"));
	if (gg_stmt_run(st, &c->err))
		return c->err.code;
	json_array_foreach (list, i, x) {
		if (!(st = gg_db_stmt(c->db, f->sql_items_add, &c->err)))
			return c->err.code;
		gg_stmt_bind_name(st, "code", json_object_get(rec, "code"));
		gg_stmt_bind_int(st, 2, (int64_t)i + 1);
		if (f->nitem == 1)
			gg_stmt_bind_name(st, f->item[0].name, x);
		else
			for (int j = 0; j < f->nitem; j++)
				gg_stmt_bind_name(st, f->item[j].name, json_object_get(x, f->item[j].name));
		if (gg_stmt_run(st, &c->err))
			return c->err.code;
	}
	return 0;
}

char *gg_mask(const char *s)
{
	size_t n = strlen(s);
	char *m = strdup(s);

	for (size_t i = 0; i < n; i++)
		if (n <= 7 || (i >= 3 && i < n - 4) || (unsigned char)s[i] >= 0x80)
			m[i] = '*';
	return m;
}

void gg_kind_mask(struct gg_ctx *c, const struct gg_kind *k, json_t *rec)
{
	if (c->reveal)
		return;
	for (const struct gg_field *f = k->fields; f->name; f++) {
		const char *s;
		if ((f->flags & GG_F_PERSONAL) && (s = json_string_value(json_object_get(rec, f->name)))) {
			char *m = gg_mask(s);
			json_object_set_new(rec, f->name, json_string(m));
			free(m);
		}
	}
}

/* A masked value (from an export without --reveal) stands for what is stored when it masks
 * to the same text; anywhere else it would overwrite personal data with stars. */
static int unmask(struct gg_ctx *c, const struct gg_src *src, json_t *rec, json_t *old, const char *field)
{
	const char *s = json_string_value(json_object_get(rec, field));
	const char *was = old ? json_string_value(json_object_get(old, field)) : NULL;

	if (!s || !strchr(s, '*'))
		return 0;
	if (was) {
		char *m = gg_mask(was);
		int same = strcmp(m, s) == 0;
		free(m);
		if (same) {
			json_object_set_new(rec, field, json_string(was));
			return 0;
		}
	}
	return gg_kind_fail(c, src, rec, field, "'%s' is masked; export with --reveal to carry personal data", s);
}

/* Adds or updates one record. Fields given replace those stored; fields left out stay.
 * must > 0: a record not stored yet is an error (set); must < 0: one stored already is (add). */
int gg_kind_put(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, const struct gg_src *src, int must,
		enum gg_put *what, json_t **out)
{
	json_t *given = json_object(), *old = NULL, *merged = NULL, *key = json_object();
	const char *name;
	json_t *v;
	char kt[256];
	int rc = c->err.code = 0;

	struct gg_src here = src ? *src : (struct gg_src){0};

	here.rec = rec;
	src = &here;
	if (out)
		*out = NULL;
	json_object_foreach (rec, name, v) {
		const struct gg_field *f = gg_kind_field(k, name);
		json_t *cv;
		if (!f) {
			rc = gg_kind_fail(c, src, rec, name, "unknown field for a %s", k->name);
			goto done;
		}
		if ((rc = coerce(c, src, rec, name, f, v, &cv)))
			goto done;
		json_object_set_new(given, name, cv ? cv : json_null());
	}
	for (int i = 0; k->keys[i]; i++)
		if (json_object_get(given, k->keys[i]))
			json_object_set(key, k->keys[i], json_object_get(given, k->keys[i]));
	if (json_object_size(key) == 0 && k->sql_find) {
		struct gg_stmt *st = gg_db_stmt(c->db, k->sql_find, &c->err);
		if (!st) {
			rc = c->err.code;
			goto done;
		}
		bind_all(st, k, given);
		if ((rc = gg_stmt_step(st, &c->err)) < 0) {
			rc = c->err.code;
			goto done;
		}
		if (rc > 0)
			json_object_set_new(key, k->keys[0], json_integer(gg_stmt_int(st, 0)));
		rc = 0;
	}
	if (json_object_size(key) == (size_t)(k->keys[1] ? 2 : 1) && (rc = gg_kind_get(c, k, json_incref(key), &old)))
		goto done;
	if (!old && must > 0) {
		rc = gg_kind_fail(c, src, rec, NULL, "no %s '%s'", k->name, gg_key_text(k, key, kt, sizeof kt));
		goto done;
	}
	if (old && must < 0) {
		rc = gg_kind_fail(c, src, rec, NULL, "%s '%s' exists already; change it with '%s set'", k->name,
				  gg_key_text(k, key, kt, sizeof kt), k->name);
		goto done;
	}
	merged = old ? json_deep_copy(old) : json_object();
	json_object_foreach (given, name, v) {
		if (json_is_null(v))
			json_object_del(merged, name);
		else
			json_object_set(merged, name, v);
	}
	for (const struct gg_field *f = k->fields; f->name; f++) {
		if ((f->flags & GG_F_PERSONAL) && (rc = unmask(c, src, merged, old, f->name)))
			goto done;
		if (f->type == GG_F_BOOL && !json_object_get(merged, f->name))
			json_object_set_new(merged, f->name, json_false());
		if ((f->flags & GG_F_REQUIRED) && !json_object_get(merged, f->name)) {
			rc = gg_kind_fail(c, src, rec, NULL, "a %s needs a %s", k->name, f->name);
			goto done;
		}
		v = json_object_get(given, f->name);
		if (f->type == GG_F_REF && json_is_string(v) && !(f->flags & GG_F_OWN_CHECK) &&
		    (rc = check_ref(c, src, rec, f->name, f, v)))
			goto done;
		if (f->type == GG_F_LIST && json_is_array(v))
			for (int j = 0; j < f->nitem; j++) {
				size_t i;
				json_t *x, *raw = json_object_get(rec, f->name);
				if (f->item[j].type != GG_F_REF)
					continue;
				json_array_foreach (v, i, x) {
					json_t *rv = f->nitem == 1 ? x : json_object_get(x, f->item[j].name);
					struct gg_src at = src ? *src : (struct gg_src){0};
					if (f->nitem == 1) {
						at.in = raw;
						at.idx = i;
						at.rec = NULL; /* the place is the element's */
						rc = check_ref(c, &at, NULL, f->name, &f->item[j], rv);
					} else {
						rc = check_ref(c, src, json_array_get(raw, i), f->item[j].name,
							       &f->item[j], rv);
					}
					if (rc)
						goto done;
				}
			}
	}
	if (k->check && (rc = k->check(c, k, merged, old, src)))
		goto done;
	if (old && json_equal(old, merged)) {
		*what = GG_PUT_SAME;
		goto done;
	}
	struct gg_stmt *st = gg_db_stmt(c->db, k->sql_put, &c->err);
	if (!st) {
		rc = c->err.code;
		goto done;
	}
	bind_all(st, k, merged);
	if ((rc = gg_stmt_run(st, &c->err)))
		goto done;
	for (int i = 0; k->keys[i]; i++)
		if (!json_object_get(merged, k->keys[i]))
			json_object_set_new(merged, k->keys[i], json_integer(gg_db_last_id(c->db)));
	for (const struct gg_field *f = k->fields; f->name; f++) {
		if (f->type != GG_F_LIST || !f->sql_items_get)
			continue;
		json_t *a = old ? json_object_get(old, f->name) : NULL, *b = json_object_get(merged, f->name);
		if ((a || b) && !(a && b && json_equal(a, b)) && (rc = put_items(c, f, merged)))
			goto done;
	}
	/* the audit row: what changed, and what it was */
	json_t *ch = json_pack("{s:s,s:s}", "op", old ? "set" : "add", "kind", k->name), *set = json_object(),
	       *was = json_object(), *kk = json_object();
	for (int i = 0; k->keys[i]; i++)
		json_object_set(kk, k->keys[i], json_object_get(merged, k->keys[i]));
	for (const struct gg_field *f = k->fields; f->name; f++) {
		json_t *a = old ? json_object_get(old, f->name) : NULL, *b = json_object_get(merged, f->name);
		if (a && b && json_equal(a, b))
			continue;
		if (b)
			json_object_set(set, f->name, b);
		if (a)
			json_object_set(was, f->name, a);
		if (!b && a)
			json_object_set_new(set, f->name, json_null());
	}
	json_object_set_new(ch, "key", kk);
	json_object_set_new(ch, "set", set);
	if (old)
		json_object_set_new(ch, "was", was);
	else
		json_decref(was);
	rc = gg_audit(c, ch);
	json_decref(ch);
	*what = old ? GG_PUT_CHANGED : GG_PUT_NEW;
done:
	if (!rc && out) {
		*out = json_object(); /* in the order of the kind's fields */
		for (const struct gg_field *f = k->fields; f->name; f++)
			if ((v = json_object_get(merged, f->name)))
				json_object_set(*out, f->name, v);
	}
	json_decref(given);
	json_decref(old);
	json_decref(merged);
	json_decref(key);
	return rc;
}

/* Removes one record, refusing while anything still refers to it. */
int gg_kind_rm(struct gg_ctx *c, const struct gg_kind *k, json_t *key)
{
	json_t *old;
	char kt[256], refs[768] = "";
	size_t len = 0;
	int rc;

	if (gg_kind_get(c, k, json_incref(key), &old))
		return c->err.code;
	if (!old)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no %s '%s'", k->name, gg_key_text(k, key, kt, sizeof kt));
	for (const struct gg_referrer *r = k->referrers; r->sql; r++) {
		struct gg_stmt *st = gg_db_stmt(c->db, r->sql, &c->err);
		if (!st)
			goto fail;
		gg_stmt_bind_name(st, k->keys[0], json_object_get(key, k->keys[0]));
		if (gg_stmt_step(st, &c->err) < 0)
			goto fail;
		if (gg_stmt_int(st, 0) > 0 && len < sizeof refs)
			len += (size_t)snprintf(refs + len, sizeof refs - len, "%s%s (%lld)", len ? ", " : "", r->what,
						(long long)gg_stmt_int(st, 0));
	}
	if (len) {
		json_decref(old);
		return gg_err_set(&c->err, GG_EX_DATAERR, "cannot remove %s '%s': still referred to by %s", k->name,
				  gg_key_text(k, key, kt, sizeof kt), refs);
	}
	struct gg_stmt *st = gg_db_stmt(c->db, k->sql_del, &c->err);
	if (!st)
		goto fail;
	for (int i = 0; k->keys[i]; i++)
		gg_stmt_bind_name(st, k->keys[i], json_object_get(key, k->keys[i]));
	if (gg_stmt_run(st, &c->err))
		goto fail;
	json_t *ch = json_pack("{s:s,s:s,s:O}", "op", "rm", "kind", k->name, "was", old);
	rc = gg_audit(c, ch);
	json_decref(ch);
	json_decref(old);
	return rc;
fail:
	json_decref(old);
	return c->err.code;
}

/* Calls fn for every stored record of the kind, in key order, complete with its lists. */
int gg_kind_each(struct gg_ctx *c, const struct gg_kind *k, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct gg_stmt *st = gg_db_stmt(c->db, k->sql_all, &c->err);
	int rc;

	if (!st)
		return c->err.code;
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *rec = gg_stmt_row(st);
		if (complete(c, k, rec) || (rc = fn(c, rec, arg))) {
			json_decref(rec);
			return c->err.code ? c->err.code : rc;
		}
		json_decref(rec);
	}
	return rc < 0 ? c->err.code : 0;
}

/* Whether a field's value v matches a filter value: equal to it, or a list holding it (or an
 * entry with it), as `list --FIELD VALUE` filters. */
int gg_kind_match(json_t *v, const char *want)
{
	size_t i;
	json_t *x;
	const char *k;
	json_t *y;

	if (json_is_array(v)) {
		json_array_foreach (v, i, x) {
			if (gg_kind_match(x, want))
				return 1;
		}
		return 0;
	}
	if (json_is_object(v)) {
		json_object_foreach (v, k, y)
			if (gg_kind_match(y, want))
				return 1;
		return 0;
	}
	char *s = gg_cell(v);
	int m = strcmp(s, want) == 0;
	free(s);
	return m;
}

/* Reads `--FIELD VALUE` options for every field of the kind into rec; list fields repeat
 * (--addresses A --addresses B) and a list of pairs takes A:B (--roles grid_worker:TZ-01-G01).
 * *nargs is set to the index of the first positional argument. */
int gg_kind_args(struct gg_ctx *c, const struct gg_kind *k, int argc, char **argv, json_t *rec,
		 const char *const *extra, json_t *extras, int *nargs)
{
	struct option opts[40] = {{0}};
	int n = 0, o, nf;

	for (const struct gg_field *f = k->fields; f->name && n < 31; f++, n++)
		opts[n] = (struct option){f->name, required_argument, NULL, 1000 + n};
	nf = n;
	for (int i = 0; extra && extra[i] && n < 39; i++, n++)
		opts[n] =
			(struct option){extra[i], extra[i][0] == '!' ? no_argument : required_argument, NULL, 1000 + n};
	for (int i = nf; i < n; i++)
		if (opts[i].name[0] == '!')
			opts[i].name++;
	while ((o = gg_opts(c, argc, argv, "", opts)) != -1) {
		if (o == -2)
			return GG_EX_USAGE;
		if (o - 1000 >= nf) {
			json_object_set_new(extras, opts[o - 1000].name, optarg ? json_string(optarg) : json_true());
			continue;
		}
		const struct gg_field *f = &k->fields[o - 1000];
		if (f->type != GG_F_LIST) { /* an empty value removes the field */
			json_object_set_new(rec, f->name, *optarg ? json_string(optarg) : json_null());
			continue;
		}
		json_t *list = json_object_get(rec, f->name);
		if (!list) {
			list = json_array();
			json_object_set_new(rec, f->name, list);
		}
		if (f->nitem == 1) {
			json_array_append_new(list, json_string(optarg));
		} else {
			char *colon = strchr(optarg, ':');
			if (!colon) { /* the first half alone: enough for a filter, not for a record */
				json_array_append_new(list, json_pack("{s:s}", f->item[0].name, optarg));
				continue;
			}
			json_array_append_new(list, json_pack("{s:s%,s:s}", f->item[0].name, optarg,
							      (size_t)(colon - optarg), f->item[1].name, colon + 1));
		}
	}
	*nargs = optind;
	return 0;
}
