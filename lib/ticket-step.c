/* ticket-step.c: the steps of the life cycle (accept, assign, … escalate by hand): each checks
 * the ticket's status, moves its state, and writes one event, one audit row and, for some, a
 * hook's record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "hook.h"
#include "ticket-impl.h"

static const char *const satisfactions[] = {"satisfied", "basic", "unsatisfied", NULL};

/* Whether `code` is a person (1), else a department (2), else neither (0); -1 on error. */
static int assignee(struct gg_ctx *c, const char *code)
{
	const int *at;
	struct gg_stmt *st = gg_ticket_query(c, "ticket/assignee", (const char *const[]){"code", NULL}, &at);

	if (!st)
		return -1;
	gg_stmt_bind_text(st, at[0], code);
	if (gg_stmt_step(st, &c->err) < 0)
		return -1;
	return gg_stmt_int(st, 0) ? 1 : gg_stmt_int(st, 1) ? 2 : 0;
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

	if ((rc = gg_ticket_load(c, id, &s)) || (rc = gg_ticket_category(c, s.category, &k)))
		goto done;
	if (!k) {
		rc = gg_err_set(&c->err, GG_EX_SOFTWARE, "ticket %lld has no category", (long long)id);
		goto done;
	}
	if (reason)
		note = reason;
	if (!strcmp(action, "accept")) {
		if (strcmp(s.status, "new") && strcmp(s.status, "assigned")) {
			rc = gg_ticket_refuse(c, &s, "accept", NULL);
			goto done;
		}
		s.accepted_at = now;
		if (!strcmp(s.status, "assigned") && gg_ladder_rank(c, "ticket", s.level) >= k->street)
			json_object_set_new(data, "reported_for_duty", json_string(s.assignee)); /* 报到 */
		strcpy(s.status, "accepted");
	} else if (!strcmp(action, "assign")) {
		if ((rc = gg_ladder_is_open(c, s.status)) <= 0) {
			rc = rc < 0 ? c->err.code : gg_ticket_refuse(c, &s, "assign", NULL);
			goto done;
		}
		int who = assignee(c, to), dept = who == 2;
		if (who < 0) {
			rc = c->err.code;
			goto done;
		}
		if (!who) {
			rc = gg_err_set(&c->err, GG_EX_DATAERR, "no person or department '%s'", to);
			goto done;
		}
		if (dept && gg_ladder_rank(c, "ticket", s.level) < k->street) {
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
			rc = gg_ticket_refuse(c, &s, "start", !strcmp(s.status, "new") ? "accept it first" : NULL);
			goto done;
		}
		strcpy(s.status, "in_progress");
	} else if (!strcmp(action, "suspend")) {
		if ((rc = gg_ladder_is_open(c, s.status)) <= 0) {
			rc = rc < 0 ? c->err.code : gg_ticket_refuse(c, &s, "suspend", NULL);
			goto done;
		}
		snprintf(s.resume, sizeof s.resume, "%s", s.status);
		s.suspended_at = now;
		strcpy(s.status, "suspended");
	} else if (!strcmp(action, "resume")) {
		if (strcmp(s.status, "suspended")) {
			rc = gg_ticket_refuse(c, &s, "resume", NULL);
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
		if ((rc = gg_ladder_is_open(c, s.status)) <= 0) {
			rc = rc < 0 ? c->err.code : gg_ticket_refuse(c, &s, "extend", NULL);
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
			rc = gg_ticket_refuse(c, &s, "resolve", !strcmp(s.status, "new") ? "accept it first" : NULL);
			goto done;
		}
		s.resolved_at = now;
		strcpy(s.status, "resolved");
	} else if (!strcmp(action, "visit")) {
		const char *sat = json_string_value(json_object_get(args, "satisfaction"));
		if (strcmp(s.status, "resolved")) {
			rc = gg_ticket_refuse(c, &s, "record a return visit on", "a return visit follows resolve");
			goto done;
		}
		if (!gg_ticket_one_of(satisfactions, sat)) {
			rc = gg_err_set(&c->err, GG_EX_DATAERR,
					"satisfaction is satisfied, basic or unsatisfied, not '%s'", sat ? sat : "");
			goto done;
		}
		snprintf(s.satisfaction, sizeof s.satisfaction, "%s", sat);
		json_object_set_new(data, "satisfaction", json_string(sat));
		if (!strcmp(sat, "unsatisfied")) { /* 退回重办: back to work at the same level, a fresh deadline */
			s.level_at = now;
			s.due_at = s.due_base = gg_ticket_due(k, gg_ladder_rank(c, "ticket", s.level), now);
			strcpy(s.status, "accepted");
			s.resolved_at = 0;
			kind = "returned";
		}
	} else if (!strcmp(action, "close")) {
		if (strcmp(s.status, "resolved")) {
			rc = gg_ticket_refuse(c, &s, "close", NULL);
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
			rc = gg_ticket_refuse(c, &s, "reopen", NULL);
			goto done;
		}
		s.level_at = now;
		s.due_at = s.due_base = gg_ticket_due(k, gg_ladder_rank(c, "ticket", s.level), now);
		s.satisfaction[0] = '\0';
		s.resolved_at = s.closed_at = 0;
		strcpy(s.status, "accepted");
	} else if (!strcmp(action, "reject")) {
		if (strcmp(s.status, "new") && strcmp(s.status, "accepted") && strcmp(s.status, "assigned")) {
			rc = gg_ticket_refuse(c, &s, "reject", NULL);
			goto done;
		}
		s.closed_at = now;
		strcpy(s.status, "rejected");
	} else if (!strcmp(action, "escalate")) {
		int from = gg_ladder_rank(c, "ticket", s.level), lv = gg_ladder_rank(c, "ticket", to);
		if ((rc = gg_ladder_is_open(c, s.status)) <= 0) {
			rc = rc < 0 ? c->err.code : gg_ticket_refuse(c, &s, "escalate", NULL);
			goto done;
		}
		if (lv <= from) {
			rc = gg_err_set(&c->err, GG_EX_DATAERR, "ticket %lld is at %s level; escalation goes up, to %s",
					(long long)id, s.level, from < k->top ? k->level[from + 1] : "nowhere");
			goto done;
		}
		gg_ticket_climb(&s, k, lv, now);
		json_object_set_new(data, "from", json_string(k->level[from]));
		json_object_set_new(data, "to", json_string(to));
		if (lv >= k->street)
			json_object_set_new(data, "summoned", json_string(k->department));
		hook = "escalate";
	} else {
		rc = gg_err_set(&c->err, GG_EX_SOFTWARE, "no step '%s'", action);
		goto done;
	}
	if ((rc = gg_ticket_store(c, &s)) || (rc = gg_ticket_event(c, id, now, kind, s.status, s.level, note, data)))
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
