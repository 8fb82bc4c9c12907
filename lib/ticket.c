/* ticket.c: tickets from intake to close. A ticket starts at its category's level with a
 * deadline from the category's SLA for that level; when the deadline passes it climbs one
 * level (grid → community → street → department), the new deadline counted from the moment
 * the old one was missed, so a sweep after cron was down climbs it as far as it would have
 * climbed. At street level the category's department is summoned ("吹哨") and must accept
 * within the response time ("报到"); at department level a missed deadline marks the ticket
 * overdue, once. Every change is one row of ticket_event. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "db.h"
#include "audit.h"
#include "calendar.h"
#include "clock.h"
#include "hook.h"
#include "org.h"
#include "text.h"
#include "ticket.h"

const char *const gg_ticket_levels[] = {"grid", "community", "street", "department", NULL};
static const char *const sources[] = {"grid_patrol", "hotline_12345", "visit", "app", "resident", "department", NULL};
static const char *const priorities[] = {"normal", "urgent", NULL};
static const char *const satisfactions[] = {"satisfied", "basic", "unsatisfied", NULL};

enum { GRID, COMMUNITY, STREET, DEPARTMENT, NLEVELS };

static int level_index(const char *s)
{
	for (int i = 0; s && gg_ticket_levels[i]; i++)
		if (!strcmp(gg_ticket_levels[i], s))
			return i;
	return -1;
}

static int one_of(const char *const *set, const char *s)
{
	for (int i = 0; s && set[i]; i++)
		if (!strcmp(set[i], s))
			return 1;
	return 0;
}

/* ---- the category catalogue ---- */

static int category_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	struct gg_dur d;
	const char *key;
	json_t *v, *sla = json_object_get(rec, "sla");
	int start = level_index(json_string_value(json_object_get(rec, "start_level")));
	const char *s;

	(void)k;
	(void)old;
	if (gg_dur_parse(json_string_value(json_object_get(rec, "respond")), &d))
		return gg_kind_fail(c, src, rec, "respond", "not a duration: write 30m, 2h, 3d or 5wd");
	if ((s = json_string_value(json_object_get(rec, "max_extension"))) && gg_dur_parse(s, &d))
		return gg_kind_fail(c, src, rec, "max_extension", "not a duration: write 30m, 2h, 3d or 5wd");
	json_object_foreach (sla, key, v) {
		if (level_index(key) < 0)
			return gg_kind_fail(c, src, rec, "sla",
					    "unknown level '%s' (one of: grid, community, street, department)", key);
		if (!json_is_string(v) || gg_dur_parse(json_string_value(v), &d))
			return gg_kind_fail(c, src, rec, "sla", "%s: not a duration: write 30m, 2h, 3d or 5wd", key);
	}
	for (int l = start; l >= 0 && l < NLEVELS; l++)
		if (!json_object_get(sla, gg_ticket_levels[l]))
			return gg_kind_fail(c, src, rec, "sla",
					    "no deadline for %s level, which a ticket starting at %s reaches",
					    gg_ticket_levels[l], gg_ticket_levels[start]);
	return 0;
}

static const struct gg_field category_fields[] = {
	{.name = "code", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
	{.name = "name", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
	{.name = "start_level", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .ladder = "ticket"},
	{.name = "department",
	 .type = GG_F_REF,
	 .flags = GG_F_REQUIRED,
	 .ref = &gg_dept_kind,
	 .what = "ticket categories"},
	{.name = "respond", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
	{.name = "sla", .type = GG_F_OBJECT, .flags = GG_F_REQUIRED},
	{.name = "max_extension", .type = GG_F_TEXT},
	{0},
};

/* The catalogue's queries are share/gg/queries/category/. */
const struct gg_kind gg_category_kind = {
	.name = "category",
	.plural = "categories",
	.fields = category_fields,
	.check = category_check,
};

/* A category as the clock needs it, read once per command. */
struct cat {
	int start;
	char department[128];
	struct gg_dur respond, sla[NLEVELS], max_ext;
	int has_sla[NLEVELS], has_max_ext;
};

static json_t *cat_cache; /* code → pointer, as an integer */

static int category(struct gg_ctx *c, const char *code, struct cat **out)
{
	json_t *rec, *hit;
	struct cat *k;

	*out = NULL;
	if (!cat_cache && gg_cal_load(&c->err)) /* every deadline is counted with it */
		return c->err.code;
	if (!cat_cache)
		cat_cache = json_object();
	if ((hit = json_object_get(cat_cache, code))) {
		*out = (struct cat *)(intptr_t)json_integer_value(hit);
		return 0;
	}
	if (gg_kind_get(c, &gg_category_kind, json_pack("{s:s}", "code", code), &rec))
		return c->err.code;
	if (!rec)
		return 0;
	if (!(k = calloc(1, sizeof *k)))
		return json_decref(rec), gg_err_oom(&c->err);
	k->start = level_index(json_string_value(json_object_get(rec, "start_level")));
	snprintf(k->department, sizeof k->department, "%s", json_string_value(json_object_get(rec, "department")));
	gg_dur_parse(json_string_value(json_object_get(rec, "respond")), &k->respond);
	for (int l = 0; l < NLEVELS; l++) {
		const char *s = json_string_value(json_object_get(json_object_get(rec, "sla"), gg_ticket_levels[l]));
		k->has_sla[l] = s && gg_dur_parse(s, &k->sla[l]) == 0;
	}
	const char *m = json_string_value(json_object_get(rec, "max_extension"));
	k->has_max_ext = m && gg_dur_parse(m, &k->max_ext) == 0;
	json_decref(rec);
	json_object_set_new(cat_cache, code, json_integer((json_int_t)(intptr_t)k));
	*out = k;
	return 0;
}

/* The deadline for a ticket that came to `level` at t; a level without an SLA has none. */
static int64_t due(const struct cat *k, int level, int64_t t)
{
	return k->has_sla[level] ? gg_deadline(t, &k->sla[level]) : INT64_MAX / 2;
}

/* ---- tickets as records ---- */

static const char sql_ticket[] =
	"SELECT id, external_id, source, category, title, description, unit, address, priority, status, level, "
	"assignee, reported_at, respond_by, due_at, accepted_at, resolved_at, closed_at, overdue_at, satisfaction, "
	"duplicate_of, lat, long FROM ticket WHERE id = ?";
static const char sql_duplicates[] = "SELECT id FROM ticket WHERE duplicate_of = ? ORDER BY id";

static const char *const time_fields[] = {
	"reported_at", "respond_by",   "due_at", "accepted_at",		 "resolved_at", "closed_at",
	"overdue_at",  "suspended_at", "at",	 "original_reported_at", NULL};

/* Times are stored as seconds; records carry them as local ISO 8601. An event's data comes
 * back as text where a UNION forgot the column is JSON (queries/ticket-history.sql). */
static json_t *as_record(json_t *row)
{
	json_t *data = json_object_get(row, "data");
	if (json_is_string(data))
		json_object_set_new(row, "data", json_loads(json_string_value(data), 0, NULL));
	if (json_is_null(json_object_get(row, "data")))
		json_object_del(row, "data");
	for (int i = 0; time_fields[i]; i++) {
		json_t *v = json_object_get(row, time_fields[i]);
		if (json_is_integer(v)) {
			char buf[32];
			gg_time_format(json_integer_value(v), buf);
			json_object_set_new(row, time_fields[i], json_string(buf));
		}
	}
	return row;
}

/* Runs a query of one ticket by id (its only parameter): *st on its row, or "no ticket". */
static int by_id(struct gg_ctx *c, const char *sql, json_int_t id, struct gg_stmt **st)
{
	int rc;

	if (!(*st = gg_db_stmt(c->db, sql, &c->err)))
		return c->err.code;
	gg_stmt_bind_int(*st, 1, id);
	if ((rc = gg_stmt_step(*st, &c->err)) < 0)
		return c->err.code;
	return rc ? 0 : gg_err_set(&c->err, GG_EX_DATAERR, "no ticket %lld", (long long)id);
}

int gg_ticket_get(struct gg_ctx *c, json_int_t id, json_t **out)
{
	struct gg_stmt *st;
	int rc;

	*out = NULL;
	if (by_id(c, sql_ticket, id, &st))
		return c->err.code;
	*out = as_record(gg_stmt_row(st));
	/* the original lists its duplicates */
	if (!(st = gg_db_stmt(c->db, sql_duplicates, &c->err)))
		return json_decref(*out), *out = NULL, c->err.code;
	gg_stmt_bind_int(st, 1, id);
	json_t *dups = json_array();
	while ((rc = gg_stmt_step(st, &c->err)) > 0)
		json_array_append_new(dups, json_integer(gg_stmt_int(st, 0)));
	if (json_array_size(dups))
		json_object_set(*out, "duplicates", dups);
	json_decref(dups);
	return rc < 0 ? c->err.code : 0;
}

/* ---- events ---- */

static const char sql_event[] =
	"INSERT INTO ticket_event (ticket, at, actor, kind, status, level, note, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

static int event(struct gg_ctx *c, json_int_t id, int64_t at, const char *kind, const char *status, const char *level,
		 const char *note, json_t *data)
{
	struct gg_stmt *st = gg_db_stmt(c->db, sql_event, &c->err);

	if (!st)
		return c->err.code;
	gg_stmt_bind_int(st, 1, id);
	gg_stmt_bind_int(st, 2, at);
	gg_stmt_bind_fixed(st, 3, c->actor);
	gg_stmt_bind_fixed(st, 4, kind);
	gg_stmt_bind_fixed(st, 5, status);
	gg_stmt_bind_fixed(st, 6, level);
	gg_stmt_bind_fixed(st, 7, note);
	gg_stmt_bind_json(st, 8, data && json_object_size(data) ? data : NULL);
	return gg_stmt_run(st, &c->err);
}

/* ---- intake ---- */

static const char *const intake_fields[] = {"external_id", "source",  "category", "title",	 "description",
					    "unit",	   "address", "priority", "reported_at", "due_at",
					    "lat",	   "long",    NULL};

/* The text of a field, or NULL; anything else is an error naming the field. */
static int text(struct gg_ctx *c, const struct gg_src *src, json_t *rec, const char *key, const char **out)
{
	json_t *v = json_object_get(rec, key);
	static char num[32];

	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (json_is_integer(v) && !(src && src->r && gg_reader_lossy(src->r, rec, key))) {
		snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		json_object_set_new(rec, key, json_string(num)); /* keep it alive with the record */
		*out = json_string_value(json_object_get(rec, key));
		return 0;
	}
	if (!json_is_string(v))
		return gg_kind_fail(c, src, rec, key, "expected text%s",
				    json_is_integer(v) ? " (this number changes when read: put it in quotes)" : "");
	*out = json_string_value(v);
	return 0;
}

static int time_field(struct gg_ctx *c, const struct gg_src *src, json_t *rec, const char *key, int64_t *t, int *given)
{
	const char *s;

	*given = 0;
	if (text(c, src, rec, key, &s))
		return c->err.code;
	if (!s)
		return 0;
	if (gg_time_parse(s, t))
		return gg_kind_fail(c, src, rec, key,
				    "'%s' is not a time: use ISO 8601, e.g. 2026-11-03T09:12:00+08:00", s);
	*given = 1;
	return 0;
}

static const char sql_unit_level[] = "SELECT level FROM unit WHERE code = ?";

/* The unit a ticket stands on: given (a grid or building), or the building of its address. */
static int place(struct gg_ctx *c, const struct gg_src *src, json_t *rec, struct gg_intake *in, const char *unit,
		 const char *address, json_t **out)
{
	struct gg_stmt *st;
	json_t *found;
	int rc;

	*out = NULL;
	if (unit) {
		/* the units this command has seen: an import meets the same grids again and again */
		static json_t *seen;
		if (!seen)
			seen = json_object();
		if (json_object_get(seen, unit))
			return *out = json_incref(json_object_get(rec, "unit")), 0;
		if (!(st = gg_db_stmt(c->db, sql_unit_level, &c->err)))
			return c->err.code;
		gg_stmt_bind_text(st, 1, unit);
		if ((rc = gg_stmt_step(st, &c->err)) < 0)
			return c->err.code;
		if (!rc)
			return gg_kind_fail(c, src, rec, "unit", "unknown unit '%s'", unit);
		const char *lv = gg_stmt_text(st, 0);
		if (strcmp(lv, "grid") && strcmp(lv, "building"))
			return gg_kind_fail(c, src, rec, "unit",
					    "'%s' is a %s: a ticket stands on a grid or a building", unit, lv);
		json_object_set_new(seen, unit, json_true());
		*out = json_incref(json_object_get(rec, "unit"));
		return 0;
	}
	if (!address)
		return gg_kind_fail(c, src, rec, NULL, "a ticket needs a unit or an address");
	if (gg_org_resolve(c, address, &found)) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s", c->err.msg);
		return gg_kind_fail(c, src, rec, "address", "%s", msg);
	}
	if (found) {
		*out = json_incref(json_object_get(found, "building"));
		json_decref(found);
		return 0;
	}
	if (in->unresolved_grid)
		return *out = json_string(in->unresolved_grid), 0;
	return gg_kind_fail(c, src, rec, "address",
			    "no building has the address '%s' (--unresolved=grid:CODE takes such tickets)", address);
}

static const char sql_by_external[] = "SELECT id, category, title, description, unit, address, priority, reported_at, "
				      "lat, long FROM ticket WHERE source = ? AND external_id = ?";
static const char sql_insert[] =
	"INSERT INTO ticket (external_id, source, category, title, description, unit, address, priority, status, "
	"level, assignee, reported_at, level_at, respond_by, due_at, due_base, lat, long, start_level, created_at, "
	"created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, ?14, ?14, ?15, ?16, ?10, "
	"?17, "
	"?18) "
	"ON CONFLICT (source, external_id) WHERE external_id IS NOT NULL DO NOTHING";
static const char sql_update[] =
	"UPDATE ticket SET category = :category, title = :title, description = :description, unit = :unit, "
	"address = :address, priority = :priority, reported_at = :reported_at, lat = :lat, long = :long WHERE id = :id";

/* A record whose source and external_id a stored ticket has: what it says anew (fields of
 * intake only, never the ticket's progress) updates the ticket, with an "updated" event. */
static int restate(struct gg_ctx *c, const char *source, const char *ext, json_t *row, struct gg_intake *in,
		   json_int_t *id)
{
	static const char *const said[] = {"category", "title",	      "description", "unit", "address",
					   "priority", "reported_at", "lat",	     "long", NULL};
	struct gg_stmt *st = gg_db_stmt(c->db, sql_by_external, &c->err);
	json_t *old, *changes;
	int rc;

	if (!st)
		return c->err.code;
	gg_stmt_bind_text(st, 1, source);
	gg_stmt_bind_text(st, 2, ext);
	if ((rc = gg_stmt_step(st, &c->err)) <= 0)
		return rc < 0 ? c->err.code
			      : gg_err_set(&c->err, GG_EX_SOFTWARE, "ticket %s from %s is neither new nor stored", ext,
					   source);
	old = gg_stmt_row(st);
	changes = json_object();
	*id = json_integer_value(json_object_get(old, "id"));
	for (int i = 0; said[i]; i++) {
		json_t *was = json_object_get(old, said[i]), *now = json_object_get(row, said[i]);
		if (!(json_is_null(now) && !was) && !(was && json_equal(was, now)))
			json_object_set_new(changes, said[i], json_pack("[OO]", was ? was : json_null(), now));
	}
	json_decref(old);
	rc = 0;
	if (!json_object_size(changes)) {
		in->unchanged++;
	} else if (!(st = gg_db_stmt(c->db, sql_update, &c->err))) {
		rc = c->err.code;
	} else {
		for (int i = 0; said[i]; i++)
			gg_stmt_bind_name(st, said[i], json_object_get(row, said[i]));
		json_t *idv = json_integer(*id);
		gg_stmt_bind_name(st, "id", idv);
		json_decref(idv);
		if (!(rc = gg_stmt_run(st, &c->err)))
			rc = event(c, *id, gg_now(), "updated", NULL, NULL, NULL, changes);
		in->updated++;
	}
	json_decref(changes);
	return rc;
}

/* Takes one ticket in. A record with the source and external_id of a stored ticket updates
 * what it says of the ticket (and is "unchanged" when it says nothing new). */
int gg_ticket_intake(struct gg_ctx *c, json_t *rec, const struct gg_src *src0, struct gg_intake *in, json_int_t *id)
{
	struct gg_src src = src0 ? *src0 : (struct gg_src){0};
	const char *key, *ext, *source, *code, *title, *desc, *unit, *address, *priority;
	json_t *v, *row = NULL, *where = NULL;
	struct cat *k;
	struct gg_stmt *st;
	int64_t reported = gg_now(), due_at = 0;
	int given, due_given, rc = 0;

	src.rec = rec;
	*id = 0;
	json_object_foreach (rec, key, v)
		if (!one_of(intake_fields, key)) {
			rc = gg_kind_fail(c, &src, rec, key, "unknown field for a ticket");
			goto done;
		}
	if (text(c, &src, rec, "external_id", &ext) || text(c, &src, rec, "source", &source) ||
	    text(c, &src, rec, "category", &code) || text(c, &src, rec, "title", &title) ||
	    text(c, &src, rec, "description", &desc) || text(c, &src, rec, "unit", &unit) ||
	    text(c, &src, rec, "address", &address) || text(c, &src, rec, "priority", &priority) ||
	    time_field(c, &src, rec, "reported_at", &reported, &given) ||
	    time_field(c, &src, rec, "due_at", &due_at, &due_given)) {
		rc = c->err.code;
		goto done;
	}
	if (!source)
		source = "resident";
	if (!one_of(sources, source)) {
		rc = gg_kind_fail(
			c, &src, rec, "source",
			"unknown source '%s' (one of: grid_patrol, hotline_12345, visit, app, resident, department)",
			source);
		goto done;
	}
	if (!priority)
		priority = "normal";
	if (!one_of(priorities, priority)) {
		rc = gg_kind_fail(c, &src, rec, "priority", "unknown priority '%s' (normal or urgent)", priority);
		goto done;
	}
	if (!code) {
		rc = gg_kind_fail(c, &src, rec, NULL, "a ticket needs a category");
		goto done;
	}
	if ((rc = category(c, code, &k)))
		goto done;
	if (!k) {
		rc = gg_kind_fail(c, &src, rec, "category", "unknown category '%s'", code);
		goto done;
	}
	if (!title || !*title) {
		rc = gg_kind_fail(c, &src, rec, title ? "title" : NULL, "a ticket needs a title");
		goto done;
	}
	if ((rc = place(c, &src, rec, in, unit, address, &where)))
		goto done;
	json_t *lat = json_object_get(rec, "lat"), *lon = json_object_get(rec, "long");
	if ((lat && !json_is_number(lat)) || (lon && !json_is_number(lon))) {
		rc = gg_kind_fail(c, &src, rec, lat && !json_is_number(lat) ? "lat" : "long", "expected a number");
		goto done;
	}
	/* a new ticket: at its category's level, with that level's deadline */
	int level = k->start;
	int64_t deadline = due_given ? due_at : due(k, level, reported);
	if (in->is_new && deadline <= gg_now()) {
		char buf[32];
		gg_time_format(deadline, buf);
		rc = gg_kind_fail(
			c, &src, rec, due_given ? "due_at" : "reported_at",
			"the deadline %s is already past; a ticket taken in late goes through 'gg-ticket import'", buf);
		goto done;
	}
	const char *status = level >= STREET ? "assigned" : "new";
	if (!(st = gg_db_stmt(c->db, sql_insert, &c->err))) {
		rc = c->err.code;
		goto done;
	}
	gg_stmt_bind_fixed(st, 1, ext);
	gg_stmt_bind_fixed(st, 2, source);
	gg_stmt_bind_fixed(st, 3, code);
	gg_stmt_bind_fixed(st, 4, title);
	gg_stmt_bind_fixed(st, 5, desc);
	gg_stmt_bind_fixed(st, 6, json_string_value(where));
	gg_stmt_bind_fixed(st, 7, address);
	gg_stmt_bind_fixed(st, 8, priority);
	gg_stmt_bind_fixed(st, 9, status);
	gg_stmt_bind_fixed(st, 10, gg_ticket_levels[level]);
	gg_stmt_bind_fixed(st, 11, level >= STREET ? k->department : NULL);
	gg_stmt_bind_int(st, 12, reported);
	gg_stmt_bind_int(st, 13, gg_deadline(reported, &k->respond));
	gg_stmt_bind_int(st, 14, deadline);
	gg_stmt_bind_json(st, 15, lat);
	gg_stmt_bind_json(st, 16, lon);
	gg_stmt_bind_int(st, 17, gg_now());
	gg_stmt_bind_fixed(st, 18, c->actor);
	if ((rc = gg_stmt_run(st, &c->err)))
		goto done;
	if (ext && gg_db_changes(c->db) == 0) { /* the same external record again */
		row = json_object();
		json_object_set_new(row, "category", json_string(code));
		json_object_set_new(row, "title", json_string(title));
		json_object_set_new(row, "description", desc ? json_string(desc) : json_null());
		json_object_set(row, "unit", where);
		json_object_set_new(row, "address", address ? json_string(address) : json_null());
		json_object_set_new(row, "priority", json_string(priority));
		json_object_set_new(row, "reported_at", json_integer(reported));
		json_object_set(row, "lat", lat ? lat : json_null());
		json_object_set(row, "long", lon ? lon : json_null());
		rc = restate(c, source, ext, row, in, id);
		goto done;
	}
	*id = gg_db_last_id(c->db); /* its "created" event is the row itself (queries/ticket-history.sql) */
	in->added++;
done:
	json_decref(row);
	json_decref(where);
	return rc;
}

/* One audit row for an import: its counts. Each ticket's own history is in ticket_event. */
int gg_ticket_imported(struct gg_ctx *c, const char *from, json_t *counts)
{
	json_t *ch = json_pack("{s:s,s:s,s:s,s:O}", "op", "import", "kind", "ticket", "from", from, "counts", counts);
	int rc = gg_audit(c, ch);
	json_decref(ch);
	return rc;
}

/* ---- the life cycle ---- */

/* What the life cycle changes of a ticket; times are 0 where the column is NULL. */
struct state {
	json_int_t id;
	char category[128], status[16], level[16], resume[16], satisfaction[16], assignee[128];
	int64_t due_at, due_base, level_at, suspended_at, respond_by, accepted_at, resolved_at, closed_at, overdue_at;
};

static const char sql_state[] = "SELECT category, status, level, coalesce(resume_status, ''), "
				"coalesce(satisfaction, ''), coalesce(assignee, ''), due_at, due_base, level_at, "
				"coalesce(suspended_at, 0), coalesce(respond_by, 0), coalesce(accepted_at, 0), "
				"coalesce(resolved_at, 0), coalesce(closed_at, 0), coalesce(overdue_at, 0) "
				"FROM ticket WHERE id = ?";

static int load(struct gg_ctx *c, json_int_t id, struct state *s)
{
	struct gg_stmt *st;

	if (by_id(c, sql_state, id, &st))
		return c->err.code;
	s->id = id;
	snprintf(s->category, sizeof s->category, "%s", gg_stmt_text(st, 0));
	snprintf(s->status, sizeof s->status, "%s", gg_stmt_text(st, 1));
	snprintf(s->level, sizeof s->level, "%s", gg_stmt_text(st, 2));
	snprintf(s->resume, sizeof s->resume, "%s", gg_stmt_text(st, 3));
	snprintf(s->satisfaction, sizeof s->satisfaction, "%s", gg_stmt_text(st, 4));
	snprintf(s->assignee, sizeof s->assignee, "%s", gg_stmt_text(st, 5));
	s->due_at = gg_stmt_int(st, 6);
	s->due_base = gg_stmt_int(st, 7);
	s->level_at = gg_stmt_int(st, 8);
	s->suspended_at = gg_stmt_int(st, 9);
	s->respond_by = gg_stmt_int(st, 10);
	s->accepted_at = gg_stmt_int(st, 11);
	s->resolved_at = gg_stmt_int(st, 12);
	s->closed_at = gg_stmt_int(st, 13);
	s->overdue_at = gg_stmt_int(st, 14);
	return 0;
}

static const char sql_move[] =
	"UPDATE ticket SET status = ?1, level = ?2, assignee = ?3, level_at = ?4, respond_by = ?5, due_at = ?6, "
	"due_base = ?7, accepted_at = ?8, resolved_at = ?9, closed_at = ?10, suspended_at = ?11, "
	"resume_status = ?12, overdue_at = ?13, satisfaction = ?14 WHERE id = ?15";

static void bind_time(struct gg_stmt *st, int i, int64_t t)
{
	if (t)
		gg_stmt_bind_int(st, i, t);
	else
		gg_stmt_bind_null(st, i);
}

/* Writes the state back. */
static int store(struct gg_ctx *c, const struct state *s)
{
	struct gg_stmt *st = gg_db_stmt(c->db, sql_move, &c->err);

	if (!st)
		return c->err.code;
	gg_stmt_bind_fixed(st, 1, s->status);
	gg_stmt_bind_fixed(st, 2, s->level);
	gg_stmt_bind_fixed(st, 3, *s->assignee ? s->assignee : NULL);
	gg_stmt_bind_int(st, 4, s->level_at);
	bind_time(st, 5, s->respond_by);
	gg_stmt_bind_int(st, 6, s->due_at);
	gg_stmt_bind_int(st, 7, s->due_base);
	bind_time(st, 8, s->accepted_at);
	bind_time(st, 9, s->resolved_at);
	bind_time(st, 10, s->closed_at);
	bind_time(st, 11, strcmp(s->status, "suspended") ? 0 : s->suspended_at);
	gg_stmt_bind_fixed(st, 12, *s->resume ? s->resume : NULL);
	bind_time(st, 13, s->overdue_at);
	gg_stmt_bind_fixed(st, 14, *s->satisfaction ? s->satisfaction : NULL);
	gg_stmt_bind_int(st, 15, s->id);
	return gg_stmt_run(st, &c->err);
}

/* Moves a ticket to `level` as of t: a fresh deadline and response time, and from street
 * level up the category's department summoned as assignee. */
static void climb(struct state *s, const struct cat *k, int level, int64_t t)
{
	snprintf(s->level, sizeof s->level, "%s", gg_ticket_levels[level]);
	s->level_at = t;
	s->due_at = s->due_base = due(k, level, t);
	s->respond_by = gg_deadline(t, &k->respond);
	if (level >= STREET) {
		snprintf(s->assignee, sizeof s->assignee, "%s", k->department);
		snprintf(s->status, sizeof s->status, "assigned");
	} else {
		s->assignee[0] = '\0';
		snprintf(s->status, sizeof s->status, "new");
	}
}

static int is_open(const char *status)
{
	return one_of((const char *const[]){"new", "accepted", "assigned", "in_progress", NULL}, status);
}

static int refuse(struct gg_ctx *c, const struct state *s, const char *action, const char *hint)
{
	return gg_err_set(&c->err, GG_EX_DATAERR, "cannot %s ticket %lld: it is %s%s%s%s", action, (long long)s->id,
			  s->status, hint ? " (" : "", hint ? hint : "", hint ? ")" : "");
}

static const char sql_person[] = "SELECT 1 FROM person WHERE code = ?";
static const char sql_dept[] = "SELECT 1 FROM department WHERE code = ?";

static int exists(struct gg_ctx *c, const char *sql, const char *code)
{
	struct gg_stmt *st = gg_db_stmt(c->db, sql, &c->err);
	if (!st)
		return -1;
	gg_stmt_bind_text(st, 1, code);
	return gg_stmt_step(st, &c->err);
}

static void queue(struct gg_ctx *c, const char *hook, json_int_t id)
{
	json_t *rec;
	if (gg_ticket_get(c, id, &rec) == 0) {
		gg_hook_queue(c, hook, rec);
		json_decref(rec);
	}
}

/* One step of the life cycle. args: note, reason, to (assignee or level), by (duration),
 * satisfaction. Refused steps name the ticket's status; nothing is written then. */
int gg_ticket_act(struct gg_ctx *c, json_int_t id, const char *action, json_t *args)
{
	struct state s;
	struct cat *k;
	json_t *data = json_object();
	const char *note = json_string_value(json_object_get(args, "note"));
	const char *reason = json_string_value(json_object_get(args, "reason"));
	const char *to = json_string_value(json_object_get(args, "to"));
	static const char *const done_as[][2] = {
		{"accept", "accepted"}, {"assign", "assigned"}, {"start", "started"},	 {"suspend", "suspended"},
		{"resume", "resumed"},	{"extend", "extended"}, {"resolve", "resolved"}, {"visit", "visited"},
		{"close", "closed"},	{"reopen", "reopened"}, {"reject", "rejected"},	 {"escalate", "escalated"}};
	const char *kind = action, *hook = NULL;

	for (size_t i = 0; i < sizeof done_as / sizeof *done_as; i++)
		if (!strcmp(done_as[i][0], action))
			kind = done_as[i][1];
	int64_t now = gg_now();
	int rc;

	if ((rc = load(c, id, &s)) || (rc = category(c, s.category, &k)))
		goto done;
	if (!k) {
		rc = gg_err_set(&c->err, GG_EX_SOFTWARE, "ticket %lld has no category", (long long)id);
		goto done;
	}
	if (reason)
		note = reason;
	if (!strcmp(action, "accept")) {
		if (strcmp(s.status, "new") && strcmp(s.status, "assigned")) {
			rc = refuse(c, &s, "accept", NULL);
			goto done;
		}
		s.accepted_at = now;
		if (!strcmp(s.status, "assigned") && level_index(s.level) >= STREET)
			json_object_set_new(data, "reported_for_duty", json_string(s.assignee)); /* 报到 */
		strcpy(s.status, "accepted");
	} else if (!strcmp(action, "assign")) {
		if (!is_open(s.status)) {
			rc = refuse(c, &s, "assign", NULL);
			goto done;
		}
		int person = exists(c, sql_person, to), dept = person > 0 ? 0 : exists(c, sql_dept, to);
		if (person < 0 || dept < 0) {
			rc = c->err.code;
			goto done;
		}
		if (!person && !dept) {
			rc = gg_err_set(&c->err, GG_EX_DATAERR, "no person or department '%s'", to);
			goto done;
		}
		if (dept && level_index(s.level) < STREET) {
			rc = gg_err_set(&c->err, GG_EX_DATAERR,
					"ticket %lld is at %s level: departments take tickets from street level up",
					(long long)id, s.level);
			goto done;
		}
		json_object_set_new(data, "from", json_string(s.assignee));
		json_object_set_new(data, "to", json_string(to));
		snprintf(s.assignee, sizeof s.assignee, "%s", to);
		strcpy(s.status, "assigned");
	} else if (!strcmp(action, "start")) {
		if (strcmp(s.status, "accepted") && strcmp(s.status, "assigned")) {
			rc = refuse(c, &s, "start", !strcmp(s.status, "new") ? "accept it first" : NULL);
			goto done;
		}
		strcpy(s.status, "in_progress");
	} else if (!strcmp(action, "suspend")) {
		if (!is_open(s.status)) {
			rc = refuse(c, &s, "suspend", NULL);
			goto done;
		}
		snprintf(s.resume, sizeof s.resume, "%s", s.status);
		s.suspended_at = now;
		strcpy(s.status, "suspended");
	} else if (!strcmp(action, "resume")) {
		if (strcmp(s.status, "suspended")) {
			rc = refuse(c, &s, "resume", NULL);
			goto done;
		}
		int64_t paused = now - s.suspended_at; /* the clock stood still meanwhile */
		s.due_at += paused;
		s.due_base += paused;
		if (s.respond_by)
			s.respond_by += paused;
		json_object_set_new(data, "paused_seconds", json_integer(paused));
		snprintf(s.status, sizeof s.status, "%s", s.resume);
		s.resume[0] = '\0';
	} else if (!strcmp(action, "extend")) {
		struct gg_dur by;
		const char *bys = json_string_value(json_object_get(args, "by"));
		if (!is_open(s.status)) {
			rc = refuse(c, &s, "extend", NULL);
			goto done;
		}
		if (!bys || gg_dur_parse(bys, &by)) {
			rc = gg_err_set(&c->err, GG_EX_USAGE, "--by takes a duration: 30m, 2h, 3d or 5wd");
			goto done;
		}
		if (!k->has_max_ext) {
			rc = gg_err_set(&c->err, GG_EX_DATAERR, "category '%s' allows no extension", s.category);
			goto done;
		}
		int64_t want = gg_deadline(s.due_at, &by), limit = gg_deadline(s.due_base, &k->max_ext);
		if (want > limit) {
			char a[32], b[32];
			gg_time_format(want, a);
			gg_time_format(limit, b);
			rc = gg_err_set(&c->err, GG_EX_DATAERR,
					"extending ticket %lld to %s goes past what category '%s' allows (%s)",
					(long long)id, a, s.category, b);
			goto done;
		}
		char a[32];
		gg_time_format(s.due_at, a);
		json_object_set_new(data, "from", json_string(a));
		json_object_set_new(data, "by", json_string(bys));
		s.due_at = want;
	} else if (!strcmp(action, "resolve")) {
		if (strcmp(s.status, "accepted") && strcmp(s.status, "assigned") && strcmp(s.status, "in_progress")) {
			rc = refuse(c, &s, "resolve", !strcmp(s.status, "new") ? "accept it first" : NULL);
			goto done;
		}
		s.resolved_at = now;
		strcpy(s.status, "resolved");
	} else if (!strcmp(action, "visit")) {
		const char *sat = json_string_value(json_object_get(args, "satisfaction"));
		if (strcmp(s.status, "resolved")) {
			rc = refuse(c, &s, "record a return visit on", "a return visit follows resolve");
			goto done;
		}
		if (!one_of(satisfactions, sat)) {
			rc = gg_err_set(&c->err, GG_EX_DATAERR,
					"satisfaction is satisfied, basic or unsatisfied, not '%s'", sat ? sat : "");
			goto done;
		}
		snprintf(s.satisfaction, sizeof s.satisfaction, "%s", sat);
		json_object_set_new(data, "satisfaction", json_string(sat));
		if (!strcmp(sat, "unsatisfied")) { /* 退回重办: back to work at the same level, a fresh deadline */
			s.level_at = now;
			s.due_at = s.due_base = due(k, level_index(s.level), now);
			strcpy(s.status, "accepted");
			s.resolved_at = 0;
			kind = "returned";
		}
	} else if (!strcmp(action, "close")) {
		if (strcmp(s.status, "resolved")) {
			rc = refuse(c, &s, "close", NULL);
			goto done;
		}
		if (strcmp(s.satisfaction, "satisfied") && strcmp(s.satisfaction, "basic")) {
			rc = gg_err_set(
				&c->err, GG_EX_DATAERR,
				"cannot close ticket %lld: no return visit yet (record the resident's satisfaction "
				"with 'gg-ticket visit')",
				(long long)id);
			goto done;
		}
		s.closed_at = now;
		strcpy(s.status, "closed");
		hook = "close";
	} else if (!strcmp(action, "reopen")) {
		if (strcmp(s.status, "resolved") && strcmp(s.status, "closed")) {
			rc = refuse(c, &s, "reopen", NULL);
			goto done;
		}
		s.level_at = now;
		s.due_at = s.due_base = due(k, level_index(s.level), now);
		s.satisfaction[0] = '\0';
		s.resolved_at = s.closed_at = 0;
		strcpy(s.status, "accepted");
	} else if (!strcmp(action, "reject")) {
		if (strcmp(s.status, "new") && strcmp(s.status, "accepted") && strcmp(s.status, "assigned")) {
			rc = refuse(c, &s, "reject", NULL);
			goto done;
		}
		s.closed_at = now;
		strcpy(s.status, "rejected");
	} else if (!strcmp(action, "escalate")) {
		int from = level_index(s.level), lv = level_index(to);
		if (!is_open(s.status)) {
			rc = refuse(c, &s, "escalate", NULL);
			goto done;
		}
		if (lv <= from) {
			rc = gg_err_set(&c->err, GG_EX_DATAERR, "ticket %lld is at %s level; escalation goes up, to %s",
					(long long)id, s.level,
					from + 1 < NLEVELS ? gg_ticket_levels[from + 1] : "nowhere");
			goto done;
		}
		climb(&s, k, lv, now);
		json_object_set_new(data, "from", json_string(gg_ticket_levels[from]));
		json_object_set_new(data, "to", json_string(to));
		if (lv >= STREET)
			json_object_set_new(data, "summoned", json_string(k->department));
		hook = "escalate";
	} else {
		rc = gg_err_set(&c->err, GG_EX_SOFTWARE, "no step '%s'", action);
		goto done;
	}
	if ((rc = store(c, &s)) || (rc = event(c, id, now, kind, s.status, s.level, note, data)))
		goto done;
	json_t *ch = json_pack("{s:s,s:s,s:I,s:s,s:s}", "op", action, "kind", "ticket", "id", id, "status", s.status,
			       "level", s.level);
	rc = gg_audit(c, ch);
	json_decref(ch);
	if (!rc && hook)
		queue(c, hook, id);
done:
	json_decref(data);
	return rc;
}

/* ---- the sweep ---- */

static const char sql_due[] = "SELECT id FROM ticket WHERE due_at <= ? AND status IN ('new', 'accepted', 'assigned', "
			      "'in_progress') AND overdue_at IS NULL ORDER BY due_at, id";

/* Every open ticket past its deadline climbs one level for each deadline it missed, each
 * climb its own event; at department level it is marked overdue, once. fn sees each ticket
 * moved, as it stands after the sweep. */
int gg_ticket_sweep(struct gg_ctx *c, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct gg_stmt *st = gg_db_stmt(c->db, sql_due, &c->err);
	int64_t now = gg_now();
	json_int_t *ids = NULL;
	size_t n = 0, cap = 0;
	int rc;

	if (!st)
		return c->err.code;
	gg_stmt_bind_int(st, 1, now);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		if (n == cap) {
			json_int_t *nv = realloc(ids, (cap = cap ? cap * 2 : 1024) * sizeof *ids);
			if (!nv)
				return free(ids), gg_err_oom(&c->err);
			ids = nv;
		}
		ids[n++] = gg_stmt_int(st, 0);
	}
	if (rc < 0)
		return free(ids), c->err.code;
	for (size_t i = 0; i < n && !rc; i++) {
		struct state s;
		struct cat *k;
		json_t *rec;
		int moves = 0;
		if ((rc = load(c, ids[i], &s)) || (rc = category(c, s.category, &k)))
			break;
		while (s.due_at <= now) {
			int from = level_index(s.level);
			char missed[32];
			gg_time_format(s.due_at, missed);
			json_t *data = json_pack("{s:s}", "missed", missed);
			if (from == DEPARTMENT) {
				s.overdue_at = now;
				rc = store(c, &s);
				if (!rc)
					rc = event(c, s.id, now, "overdue", s.status, s.level, NULL, data);
				json_decref(data);
				moves++;
				break;
			}
			climb(&s, k, from + 1, s.due_at); /* counted from the deadline it missed */
			json_object_set_new(data, "from", json_string(gg_ticket_levels[from]));
			json_object_set_new(data, "to", json_string(s.level));
			if (from + 1 >= STREET)
				json_object_set_new(data, "summoned", json_string(k->department));
			rc = store(c, &s);
			if (!rc)
				rc = event(c, s.id, now, "escalated", s.status, s.level, NULL, data);
			json_decref(data);
			moves++;
			if (rc)
				break;
		}
		if (rc || !moves)
			continue;
		if (!(rc = gg_ticket_get(c, s.id, &rec))) {
			gg_hook_queue(c, "escalate", rec);
			rc = fn ? fn(c, rec, arg) : 0;
			json_decref(rec);
		}
	}
	if (!rc && n) {
		json_t *ch = json_pack("{s:s,s:s,s:I}", "op", "sweep", "kind", "ticket", "due", (json_int_t)n);
		rc = gg_audit(c, ch);
		json_decref(ch);
	}
	free(ids);
	return rc;
}

/* ---- lists, history, duplicates ---- */

/* Hands fn each row of a stepped statement, as a record. */
static int each_row(struct gg_ctx *c, struct gg_stmt *st, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	int rc;

	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *rec = as_record(gg_stmt_row(st));
		rc = fn(c, rec, arg);
		json_decref(rec);
		if (rc)
			return rc;
	}
	return rc < 0 ? c->err.code : 0;
}

int gg_ticket_list(struct gg_ctx *c, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct gg_stmt *st = gg_db_named(c->db, "ticket-list", &c->err);
	const char *key;
	json_t *v;

	if (!st)
		return c->err.code;
	json_object_foreach (filter, key, v)
		gg_stmt_bind_name(st, key, v);
	json_t *now = json_integer(gg_now());
	gg_stmt_bind_name(st, "now", now);
	json_decref(now);
	return each_row(c, st, fn, arg);
}

static const char sql_exists[] = "SELECT 1 FROM ticket WHERE id = ?";

int gg_ticket_history(struct gg_ctx *c, json_int_t id, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct gg_stmt *st;

	if (by_id(c, sql_exists, id, &st) || !(st = gg_db_named(c->db, "ticket-history", &c->err)))
		return c->err.code;
	gg_stmt_bind_int(st, 1, id);
	return each_row(c, st, fn, arg);
}

int gg_ticket_dups(struct gg_ctx *c, int64_t window, int64_t since, int (*fn)(struct gg_ctx *, json_t *, void *),
		   void *arg)
{
	struct gg_stmt *st = gg_db_named(c->db, "ticket-dups", &c->err);

	if (!st)
		return c->err.code;
	gg_stmt_bind_int(st, 1, window);
	gg_stmt_bind_int(st, 2, since);
	return each_row(c, st, fn, arg);
}

static const char sql_merge[] = "UPDATE ticket SET status = 'duplicate', duplicate_of = ?, closed_at = ? WHERE id = ?";
static const char sql_original[] = "SELECT duplicate_of FROM ticket WHERE id = ?";

/* Marks id a duplicate of `into` (or of the ticket `into` is itself a duplicate of). */
int gg_ticket_merge(struct gg_ctx *c, json_int_t id, json_int_t into)
{
	struct state s, o;
	struct gg_stmt *st;
	int rc;

	if (id == into)
		return gg_err_set(&c->err, GG_EX_DATAERR, "ticket %lld cannot be a duplicate of itself", (long long)id);
	if ((rc = load(c, id, &s)) || (rc = load(c, into, &o)))
		return rc;
	if (!strcmp(s.status, "duplicate") || !strcmp(s.status, "closed") || !strcmp(s.status, "rejected"))
		return refuse(c, &s, "merge", NULL);
	if (!(st = gg_db_stmt(c->db, sql_original, &c->err)))
		return c->err.code;
	gg_stmt_bind_int(st, 1, into);
	if ((rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	if (!gg_stmt_isnull(st, 0))
		into = gg_stmt_int(st, 0); /* a chain of duplicates points at its original */
	if (into == id)
		return gg_err_set(&c->err, GG_EX_DATAERR, "ticket %lld is the original of that chain", (long long)id);
	if (!(st = gg_db_stmt(c->db, sql_merge, &c->err)))
		return c->err.code;
	gg_stmt_bind_int(st, 1, into);
	gg_stmt_bind_int(st, 2, gg_now());
	gg_stmt_bind_int(st, 3, id);
	if ((rc = gg_stmt_run(st, &c->err)))
		return rc;
	json_t *d1 = json_pack("{s:I}", "duplicate_of", into), *d2 = json_pack("{s:I}", "duplicate", id);
	rc = event(c, id, gg_now(), "merged", "duplicate", s.level, NULL, d1);
	if (!rc)
		rc = event(c, into, gg_now(), "duplicate_added", NULL, NULL, NULL, d2);
	json_decref(d1);
	json_decref(d2);
	if (!rc) {
		json_t *ch = json_pack("{s:s,s:s,s:I,s:I}", "op", "merge", "kind", "ticket", "id", id, "into", into);
		rc = gg_audit(c, ch);
		json_decref(ch);
	}
	return rc;
}

/* ---- Open311 (GeoReport v2) ---- */

json_t *gg_ticket_open311(json_t *t)
{
	const char *status = json_string_value(json_object_get(t, "status"));
	int closed = one_of((const char *const[]){"closed", "rejected", "duplicate", "resolved", NULL}, status);
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
