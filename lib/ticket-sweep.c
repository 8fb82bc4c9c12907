/* ticket-sweep.c: the escalation sweep cron runs (`escalate --due`). A ticket climbs one level
 * for each deadline it missed, the new deadline counted from the moment the old one was
 * missed, so a sweep after cron was down climbs it as far as it would have climbed; at
 * department level a missed deadline marks it overdue, once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "hook.h"
#include "ticket-impl.h"

/* Every open ticket past its deadline climbs one level for each deadline it missed, each
 * climb its own event; at department level it is marked overdue, once. fn sees each ticket
 * moved, as it stands after the sweep. */
int gg_ticket_sweep(struct gg_ctx *c, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	const int *at;
	struct gg_stmt *st = gg_ticket_query(c, "ticket/due", (const char *const[]){"now", NULL}, &at);
	int64_t now = gg_now();
	json_int_t *ids = NULL;
	size_t n = 0, cap = 0;
	int rc;

	if (!st)
		return c->err.code;
	gg_stmt_bind_int(st, at[0], now);
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
		if ((rc = gg_ticket_load(c, ids[i], &s)) || (rc = gg_ticket_category(c, s.category, &k)))
			break;
		while (s.due_at <= now) {
			int from = gg_ladder_rank(c, "ticket", s.level);
			char missed[32];
			gg_time_format(s.due_at, missed);
			json_t *data = json_pack("{s:s}", "missed", missed);
			if (from == k->top) {
				s.overdue_at = now;
				rc = gg_ticket_store(c, &s);
				if (!rc)
					rc = gg_ticket_event(c, s.id, now, "overdue", s.status, s.level, NULL, data);
				json_decref(data);
				moves++;
				break;
			}
			gg_ticket_climb(&s, k, from + 1, s.due_at); /* counted from the deadline it missed */
			json_object_set_new(data, "from", json_string(k->level[from]));
			json_object_set_new(data, "to", json_string(s.level));
			if (from + 1 >= k->street)
				json_object_set_new(data, "summoned", json_string(k->department));
			rc = gg_ticket_store(c, &s);
			if (!rc)
				rc = gg_ticket_event(c, s.id, now, "escalated", s.status, s.level, NULL, data);
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
