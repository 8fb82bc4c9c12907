/* SPDX-License-Identifier: Apache-2.0 */
/* ticket-sweep.c: the escalation sweep cron runs (`escalate --due`): a ticket climbs a level for
 * each deadline it missed, each counted from when the one before was missed, so a sweep after
 * cron was down climbs it as far as it would have; at the top it is marked overdue, once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "hook.h"
#include "ticket-impl.h"

/* The open tickets past their deadline at now, earliest first, read whole before any moves:
 * each move rewrites rows the query reads. */
static int due_ids(struct gg_ctx *c, int64_t now, json_int_t **ids, size_t *n)
{
	const int *at;
	struct gg_stmt *st = gg_ticket_query(c, "ticket/due", (const char *const[]){"now", NULL}, &at);
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if (!st)
		return c->err.code;
	gg_stmt_bind_int(st, at[0], now);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		if (*n == cap) {
			json_int_t *nv = realloc(*ids, (cap = cap ? cap * 2 : 1024) * sizeof **ids);
			if (!nv)
				return gg_err_oom(&c->err);
			*ids = nv;
		}
		(*ids)[(*n)++] = gg_stmt_int(st, 0);
	}
	return rc < 0 ? c->err.code : 0;
}

/* One deadline missed: the ticket climbs a level, its new deadline counted from the moment it
 * missed the old one; at the top of the ladder it is marked overdue instead. */
static int miss(struct gg_ctx *c, struct state *s, struct cat *k, int64_t now)
{
	int from = gg_ticket_rank(k, s->level), rc;
	const char *kind = "overdue";
	char missed[32];
	json_t *data;

	gg_clock_format_zone(s->due_at, missed); /* kept in the event: the same whatever TZ says */
	data = json_pack("{s:s}", "missed", missed);
	s->missed = 1;
	if (from == k->top) {
		s->overdue_at = now;
	} else {
		if ((rc = gg_ticket_climb(c, s, k, from + 1, s->due_at)))
			return json_decref(data), rc;
		json_object_set_new(data, "from", json_string(k->level[from]));
		json_object_set_new(data, "to", json_string(s->level));
		if (from + 1 >= k->street && *s->assignee)
			json_object_set_new(data, "summoned", json_string(s->assignee));
		kind = "escalated";
	}
	if (!(rc = gg_ticket_store(c, s)))
		rc = gg_ticket_event(c, s->id, now, kind, s->status, s->level, NULL, data);
	json_decref(data);
	return rc;
}

/* Moves ticket id once for every deadline it missed, each move its own event; the escalate
 * hook and fn get it as it stands after. */
static int sweep_one(struct gg_ctx *c, json_int_t id, int64_t now, int (*fn)(struct gg_ctx *, json_t *, void *),
		     void *arg)
{
	struct state s;
	struct cat *k;
	json_t *rec;
	int rc;

	if ((rc = gg_ticket_load(c, id, &s)) || (rc = gg_ticket_category(c, s.category, &k)))
		return rc;
	if (s.due_at > now)
		return 0;
	do {
		if ((rc = miss(c, &s, k, now)))
			return rc;
	} while (s.due_at <= now && !s.overdue_at);
	if ((rc = gg_ticket_get(c, s.id, &rec)))
		return rc;
	gg_hook_queue(c, "escalate", rec);
	rc = fn ? fn(c, rec, arg) : 0;
	json_decref(rec);
	return rc;
}

/* Every open ticket past its deadline climbs one level for each deadline it missed; at the top
 * of the ladder it is marked overdue, once. fn sees each ticket moved. */
int gg_ticket_sweep(struct gg_ctx *c, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	int64_t now = gg_clock_now();
	json_int_t *ids;
	size_t n;
	int rc = due_ids(c, now, &ids, &n);

	for (size_t i = 0; i < n && !rc; i++)
		rc = sweep_one(c, ids[i], now, fn, arg);
	if (!rc && n) {
		json_t *ch = json_pack("{s:s,s:s,s:I}", "op", "sweep", "kind", "ticket", "due", (json_int_t)n);
		rc = gg_audit(c, ch);
		json_decref(ch);
	}
	free(ids);
	return rc;
}
