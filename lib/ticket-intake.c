/* ticket-intake.c: tickets taken in, one record at a time from `new` or a stream of them from
 * `import`: checked field by field (an error names the field and its place in the input),
 * placed on a grid or a building, idempotent by source and external_id. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "kind.h"
#include "org.h"
#include "ticket-impl.h"

static const char *const sources[] = {"grid_patrol", "hotline_12345", "visit", "app", "resident", "department", NULL};
static const char *const priorities[] = {"normal", "urgent", NULL};

static const char *const intake_fields[] = {"external_id", "source",  "category", "title",	 "description",
					    "unit",	   "address", "priority", "reported_at", "due_at",
					    "lat",	   "long",    NULL};

/* The text of a field, or NULL; anything else is an error naming the field. */
static int text(struct gg_ctx *c, const struct gg_src *src, json_t *rec, const char *key, const char **out)
{
	json_t *v = json_object_get(rec, key);
	char num[32];

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
		int fresh;
		char *seen = gg_ticket_memo(c, "ticket:unit:", unit, 1, &fresh);
		if (!seen)
			return gg_err_oom(&c->err);
		if (*seen)
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
		*seen = 1;
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
			rc = gg_ticket_event(c, *id, gg_now(), "updated", NULL, NULL, NULL, changes);
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
		if (!gg_ticket_one_of(intake_fields, key)) {
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
	if (!gg_ticket_one_of(sources, source)) {
		rc = gg_kind_fail(
			c, &src, rec, "source",
			"unknown source '%s' (one of: grid_patrol, hotline_12345, visit, app, resident, department)",
			source);
		goto done;
	}
	if (!priority)
		priority = "normal";
	if (!gg_ticket_one_of(priorities, priority)) {
		rc = gg_kind_fail(c, &src, rec, "priority", "unknown priority '%s' (normal or urgent)", priority);
		goto done;
	}
	if (!code) {
		rc = gg_kind_fail(c, &src, rec, NULL, "a ticket needs a category");
		goto done;
	}
	if ((rc = gg_ticket_category(c, code, &k)))
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
	int64_t deadline = due_given ? due_at : gg_ticket_due(k, level, reported);
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
