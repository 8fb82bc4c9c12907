/* SPDX-License-Identifier: Apache-2.0 */
/* ticket-move.c: a district's tickets moved into another database, as a city moving its
 * districts' files into one shared store does. gg-ticket export without --to writes every
 * ticket as stored, with its events; gg-ticket import --from gg --origin NAME takes them in
 * as they stand, under this database's next ids, each with a "moved" event naming NAME and
 * its id there (so that the same ticket is never taken in twice), and gives back the map of
 * the ids there to the ids here. The move's map, {origin, ids: [{id, was}], records}, is
 * made by gg_ticket_move_begin. */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "ticket-impl.h"

/* The columns of ticket/move.sql a record gives as they are (the reporter is one field). */
static const char *const columns[] = {"external_id",
				      "source",
				      "category",
				      "title",
				      "description",
				      "unit",
				      "address",
				      "priority",
				      "status",
				      "level",
				      "assignee",
				      "reported_at",
				      "level_at",
				      "respond_by",
				      "due_at",
				      "due_base",
				      "accepted_at",
				      "resolved_at",
				      "closed_at",
				      "suspended_at",
				      "resume_status",
				      "overdue_at",
				      "satisfaction",
				      "lat",
				      "long",
				      "start_level",
				      "created_at",
				      "created_by",
				      "provisional_deadline",
				      "first_accepted_at",
				      "first_satisfaction",
				      "missed",
				      "unmapped",
				      "first_respond_by",
				      NULL};

/* What a record must give: a ticket as stored has them all. */
static const char *const required[] = {"id",	 "source",   "category",    "title",	   "unit",
				       "status", "level",    "start_level", "reported_at", "level_at",
				       "due_at", "due_base", "created_at",  "created_by",  NULL};

static const char *const event_columns[] = {"at", "actor", "kind", "status", "level", "note", NULL};

/* Ticket id as stored, with "events", its events in order, shown as every output shows them
 * (personal data masked unless --reveal). */
static int dump_one(struct gg_ctx *c, json_int_t id, json_t **out)
{
	struct gg_stmt *st = gg_db_named(c->db, "ticket/row", &c->err);
	json_t *events;
	int rc;

	*out = NULL;
	if (!st)
		return c->err.code;
	gg_stmt_bind_int(st, gg_stmt_index(st, "id"), id);
	if ((rc = gg_stmt_step(st, &c->err)) <= 0)
		return rc < 0 ? c->err.code : gg_err_set(&c->err, GG_EX_NOINPUT, "no ticket %lld", (long long)id);
	*out = gg_stmt_row(st);
	if (!(st = gg_db_named(c->db, "ticket/events", &c->err)))
		return c->err.code;
	gg_stmt_bind_int(st, gg_stmt_index(st, "id"), id);
	events = json_array();
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *ev = gg_stmt_row(st);
		gg_ticket_shown(c, ev, id);
		json_array_append_new(events, ev);
	}
	gg_ticket_shown(c, *out, 0);
	json_object_set_new(*out, "events", events);
	return rc < 0 ? c->err.code : 0;
}

static int collect(struct gg_ctx *c, json_t *rec, void *ids)
{
	(void)c;
	return json_array_append(ids, json_object_get(rec, "id"));
}

int gg_ticket_dump(struct gg_ctx *c, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	json_t *ids = json_array(), *id, *rec;
	size_t i;
	int rc = gg_ticket_list(c, filter, collect, ids);

	json_array_foreach (ids, i, id) {
		if (rc)
			break;
		if (!(rc = dump_one(c, json_integer_value(id), &rec)))
			rc = fn(c, rec, arg);
		json_decref(rec);
	}
	json_decref(ids);
	return rc;
}

/* What a moved ticket's "moved" event says: where it came from, and its id there. */
static void moved_note(char *note, size_t n, const char *origin, json_t *rec)
{
	snprintf(note, n, "moved in from %s, where it was ticket %lld", origin,
		 (long long)json_integer_value(json_object_get(rec, "id")));
}

/* Whether a value is one masked on its way out (138****5678): it cannot be moved as it is. */
static int masked(json_t *v)
{
	return json_is_string(v) && strchr(json_string_value(v), '*');
}

/* The checks before a record is stored: what it must give, what it refers to, and that it
 * holds no masked value nor was moved in already (note: its "moved" event's). */
static int movable(struct gg_ctx *c, json_t *rec, const char *note)
{
	json_t *rep = json_object_get(rec, "reporter");
	struct cat *k;
	struct gg_stmt *st;
	int rc;

	for (int i = 0; required[i]; i++)
		if (json_is_null(json_object_get(rec, required[i])) || !json_object_get(rec, required[i]))
			return gg_err_set(&c->err, GG_EX_DATAERR, "%s: missing; a record of gg-ticket export gives it",
					  required[i]);
	if (!json_is_integer(json_object_get(rec, "id")))
		return gg_err_set(&c->err, GG_EX_DATAERR, "id: not a ticket's id");
	if (masked(json_object_get(rep, "phone")))
		return gg_err_set(
			&c->err, GG_EX_DATAERR,
			"reporter.phone: masked ('%s'); a district's tickets are moved from 'gg-ticket --reveal "
			"export'",
			json_string_value(json_object_get(rep, "phone")));
	if ((rc = gg_ticket_category(c, json_string_value(json_object_get(rec, "category")), &k)))
		return rc;
	if (!k)
		return gg_err_set(&c->err, GG_EX_DATAERR, "category: unknown category '%s'",
				  json_string_value(json_object_get(rec, "category")));
	if (!(st = gg_db_named(c->db, "unit/get", &c->err)))
		return c->err.code;
	gg_stmt_bind_name(st, "code", json_object_get(rec, "unit"));
	if ((rc = gg_stmt_step(st, &c->err)) <= 0)
		return rc < 0 ? c->err.code
			      : gg_err_set(&c->err, GG_EX_DATAERR, "unit: unknown unit '%s'",
					   json_string_value(json_object_get(rec, "unit")));
	if (!(st = gg_db_named(c->db, "ticket/moved", &c->err)))
		return c->err.code;
	gg_stmt_bind_text(st, gg_stmt_index(st, "note"), note);
	if ((rc = gg_stmt_step(st, &c->err)) != 0)
		return rc < 0 ? c->err.code
			      : gg_err_set(&c->err, GG_EX_DATAERR, "id: %s, and is ticket %lld here already", note,
					   (long long)gg_stmt_int(st, 0));
	return 0;
}

/* An event's data as it is to be stored here: the ids of tickets it names (a merge's) made the
 * ids they were moved to; map is the move's. */
static json_t *moved_data(json_t *data, json_t *map)
{
	static const char *const refs[] = {"duplicate_of", "duplicate", NULL};
	json_t *d = json_deep_copy(data), *row;
	size_t i;

	for (int k = 0; json_is_object(d) && refs[k]; k++) {
		json_t *v = json_object_get(d, refs[k]);
		json_array_foreach (map, i, row)
			if (json_is_integer(v) &&
			    json_integer_value(json_object_get(row, "was")) == json_integer_value(v)) {
				json_object_set(d, refs[k], json_object_get(row, "id"));
				break;
			}
	}
	return d;
}

/* The events of a ticket moved in (rec, now ticket id), then the move's own. */
static int move_events(struct gg_ctx *c, json_t *rec, json_int_t id, const char *origin, json_t *map)
{
	char note[512];
	json_t *ev, *data;
	size_t i;
	int rc;

	json_array_foreach (json_object_get(rec, "events"), i, ev) {
		struct gg_stmt *st = gg_db_named(c->db, "ticket/move-event", &c->err);
		if (!st)
			return c->err.code;
		gg_stmt_bind_int(st, gg_stmt_index(st, "ticket"), id);
		for (int j = 0; event_columns[j]; j++)
			gg_stmt_bind_name(st, event_columns[j], json_object_get(ev, event_columns[j]));
		data = moved_data(json_object_get(ev, "data"), map);
		gg_stmt_bind_name(st, "data", data);
		json_decref(data);
		if ((rc = gg_stmt_run(st, &c->err)))
			return rc;
	}
	moved_note(note, sizeof note, origin, rec);
	data = json_pack("{s:s,s:O}", "origin", origin, "id", json_object_get(rec, "id"));
	rc = data ? gg_ticket_event(c, id, gg_clock_now(), "moved", json_string_value(json_object_get(rec, "status")),
				    json_string_value(json_object_get(rec, "level")), note, data)
		  : gg_err_oom(&c->err);
	json_decref(data);
	json_t *ch = rc ? NULL
			: json_pack("{s:s,s:s,s:{s:I},s:O,s:s}", "op", "move", "kind", "ticket", "key", "id", id, "was",
				    json_object_get(rec, "id"), "origin", origin);
	if (!rc)
		rc = ch ? gg_audit(c, ch) : gg_err_oom(&c->err);
	json_decref(ch);
	return rc;
}

json_t *gg_ticket_move_begin(const char *origin)
{
	return json_pack("{s:s,s:[],s:[]}", "origin", origin, "ids", "records");
}

int gg_ticket_move_in(struct gg_ctx *c, json_t *rec, json_t *map)
{
	char note[512];
	json_t *rep = json_object_get(rec, "reporter");
	struct gg_stmt *st;
	int rc;

	moved_note(note, sizeof note, json_string_value(json_object_get(map, "origin")), rec);
	if ((rc = movable(c, rec, note)))
		return rc;
	size_t i;
	json_t *seen;
	json_array_foreach (json_object_get(map, "ids"), i, seen)
		if (json_equal(json_object_get(seen, "was"), json_object_get(rec, "id")))
			return gg_err_set(&c->err, GG_EX_DATAERR, "id: ticket %lld is given twice",
					  (long long)json_integer_value(json_object_get(rec, "id")));
	if (!(st = gg_db_named(c->db, "ticket/move", &c->err)))
		return c->err.code;
	for (int i = 0; columns[i]; i++)
		gg_stmt_bind_name(st, columns[i], json_object_get(rec, columns[i]));
	gg_stmt_bind_name(st, "reporter_name", json_object_get(rep, "name"));
	gg_stmt_bind_name(st, "reporter_phone", json_object_get(rep, "phone"));
	if ((rc = gg_stmt_run(st, &c->err)))
		return rc;
	json_t *row = json_pack("{s:I,s:O}", "id", gg_db_last_id(c->db), "was", json_object_get(rec, "id"));
	if (!row || json_array_append_new(json_object_get(map, "ids"), row) ||
	    json_array_append(json_object_get(map, "records"), rec))
		return gg_err_oom(&c->err);
	return 0;
}

/* Once every ticket is in: each one's events, their references to tickets moved with it made
 * the new ids, and its duplicate_of made the new id of the one it duplicated there, which
 * must have been moved with it. */
int gg_ticket_move_done(struct gg_ctx *c, json_t *map)
{
	json_t *ids = json_object_get(map, "ids"), *recs = json_object_get(map, "records"), *rec, *other;
	const char *origin = json_string_value(json_object_get(map, "origin"));
	size_t i, j;
	int rc;

	json_array_foreach (recs, i, rec) {
		json_int_t id = json_integer_value(json_object_get(json_array_get(ids, i), "id")), to = 0;
		json_t *dup = json_object_get(rec, "duplicate_of");
		if ((rc = move_events(c, rec, id, origin, ids)))
			return rc;
		if (!json_is_integer(dup))
			continue;
		json_array_foreach (ids, j, other)
			if (json_integer_value(json_object_get(other, "was")) == json_integer_value(dup))
				to = json_integer_value(json_object_get(other, "id"));
		if (!to)
			return gg_err_set(&c->err, GG_EX_DATAERR,
					  "ticket %lld: duplicate_of: ticket %lld is not among those moved",
					  (long long)json_integer_value(json_object_get(rec, "id")),
					  (long long)json_integer_value(dup));
		struct gg_stmt *st = gg_db_named(c->db, "ticket/remap", &c->err);
		if (!st)
			return c->err.code;
		gg_stmt_bind_int(st, gg_stmt_index(st, "id"), id);
		gg_stmt_bind_int(st, gg_stmt_index(st, "duplicate_of"), to);
		if ((rc = gg_stmt_run(st, &c->err)))
			return rc;
	}
	return 0;
}
