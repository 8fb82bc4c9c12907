/* SPDX-License-Identifier: Apache-2.0 */
/* ticket-step.c: the steps of the life cycle (accept, assign, … escalate by hand) as one table,
 * which gg-ticket reads for its commands and options too, and the driver that takes a step:
 * the ticket's status checked, its state moved, one event, one audit row, maybe a hook. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "hook.h"
#include "ticket-impl.h"

static const char *const satisfactions[] = {"satisfied", "basic", "unsatisfied", NULL};

static const char *arg(const struct gg_ticket_move *m, const char *name)
{
	return json_string_value(json_object_get(m->args, name));
}

/* The deadline and the clock start again at the ticket's level, from now. */
static void restart(struct gg_ctx *c, struct gg_ticket_move *m)
{
	m->s.level_at = m->now;
	m->s.provisional = 0;
	m->s.due_at = m->s.due_base =
		gg_ticket_due(c, m->k, m->s.urgent, gg_ticket_rank(m->k, m->s.level), m->now, &m->s.provisional);
}

static int accept(struct gg_ctx *c, struct gg_ticket_move *m)
{
	(void)c;
	m->s.accepted_at = m->now;
	if (!strcmp(m->s.status, "assigned") && gg_ticket_rank(m->k, m->s.level) >= m->k->street)
		json_object_set_new(m->data, "reported_for_duty", json_string(m->s.assignee)); /* 报到 */
	return 0;
}

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

static int assign(struct gg_ctx *c, struct gg_ticket_move *m)
{
	const char *to = arg(m, "to");
	int who = assignee(c, to);

	if (who < 0)
		return c->err.code;
	if (!who)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no person or department '%s'", to);
	if (who == 2 && gg_ticket_rank(m->k, m->s.level) < m->k->street)
		return gg_err_set(&c->err, GG_EX_DATAERR,
				  "ticket %lld is at %s level: departments take tickets from street level up",
				  (long long)m->s.id, m->s.level);
	json_object_set_new(m->data, "from", json_string(m->s.assignee));
	json_object_set_new(m->data, "to", json_string(to));
	snprintf(m->s.assignee, sizeof m->s.assignee, "%s", to);
	return 0;
}

static int suspend(struct gg_ctx *c, struct gg_ticket_move *m)
{
	(void)c;
	snprintf(m->s.resume, sizeof m->s.resume, "%s", m->s.status);
	m->s.suspended_at = m->now;
	return 0;
}

static int resume(struct gg_ctx *c, struct gg_ticket_move *m)
{
	int64_t paused = m->now - m->s.suspended_at; /* the clock stood still meanwhile */

	(void)c;
	m->s.due_at += paused;
	m->s.due_base += paused;
	if (m->s.respond_by)
		m->s.respond_by += paused;
	json_object_set_new(m->data, "paused_seconds", json_integer(paused));
	snprintf(m->s.status, sizeof m->s.status, "%s", m->s.resume);
	m->s.resume[0] = '\0';
	return 0;
}

static int extend(struct gg_ctx *c, struct gg_ticket_move *m)
{
	const char *by = arg(m, "by");
	struct gg_dur d;
	char a[32], b[32];

	if (!by || gg_cal_dur_parse(by, &d))
		return gg_err_set(&c->err, GG_EX_USAGE, "--by takes a duration: 30m, 2h, 3d or 5wd");
	if (!m->k->has_max_ext)
		return gg_err_set(&c->err, GG_EX_DATAERR, "category '%s' allows no extension", m->s.category);
	int provisional = m->s.provisional; /* an extension of a provisional deadline is one too */
	int64_t want = gg_cal_due(c, m->k->cal, m->s.due_at, &d, &provisional),
		limit = gg_cal_deadline(m->k->cal, m->s.due_base, &m->k->max_ext);
	if (want > limit) {
		gg_clock_format(want, a);
		gg_clock_format(limit, b);
		return gg_err_set(&c->err, GG_EX_DATAERR,
				  "extending ticket %lld to %s goes past what category '%s' allows (%s)",
				  (long long)m->s.id, a, m->s.category, b);
	}
	gg_clock_format_zone(m->s.due_at, a); /* kept in the event: the same whatever TZ says */
	json_object_set_new(m->data, "from", json_string(a));
	json_object_set_new(m->data, "by", json_string(by));
	m->s.due_at = want;
	m->s.provisional = provisional;
	return 0;
}

static int resolve(struct gg_ctx *c, struct gg_ticket_move *m)
{
	(void)c;
	m->s.resolved_at = m->now;
	return 0;
}

static int visit(struct gg_ctx *c, struct gg_ticket_move *m)
{
	const char *sat = arg(m, "satisfaction");

	if (!gg_ticket_one_of(satisfactions, sat))
		return gg_err_set(&c->err, GG_EX_DATAERR, "satisfaction is satisfied, basic or unsatisfied, not '%s'",
				  sat ? sat : "");
	snprintf(m->s.satisfaction, sizeof m->s.satisfaction, "%s", sat);
	json_object_set_new(m->data, "satisfaction", json_string(sat));
	if (!strcmp(sat, "unsatisfied")) { /* 退回重办: back to work at the same level, a fresh deadline */
		restart(c, m);
		snprintf(m->s.status, sizeof m->s.status, "accepted");
		m->s.resolved_at = 0;
		m->event = "returned";
	}
	return 0;
}

static int close_(struct gg_ctx *c, struct gg_ticket_move *m)
{
	if (strcmp(m->s.satisfaction, "satisfied") && strcmp(m->s.satisfaction, "basic"))
		return gg_err_set(&c->err, GG_EX_DATAERR,
				  "cannot close ticket %lld: no return visit yet (record the resident's satisfaction "
				  "with 'gg-ticket visit')",
				  (long long)m->s.id);
	m->s.closed_at = m->now;
	return 0;
}

static int reopen(struct gg_ctx *c, struct gg_ticket_move *m)
{
	restart(c, m);
	m->s.satisfaction[0] = '\0';
	m->s.resolved_at = m->s.closed_at = 0;
	return 0;
}

static int escalate(struct gg_ctx *c, struct gg_ticket_move *m)
{
	const char *to = arg(m, "to");
	int from = gg_ticket_rank(m->k, m->s.level), rank = gg_ticket_rank(m->k, to);

	if (rank <= from)
		return gg_err_set(&c->err, GG_EX_DATAERR, "ticket %lld is at %s level; escalation goes up, to %s",
				  (long long)m->s.id, m->s.level, from < m->k->top ? m->k->level[from + 1] : "nowhere");
	if (gg_ticket_climb(c, &m->s, m->k, rank, m->now))
		return c->err.code;
	json_object_set_new(m->data, "from", json_string(m->k->level[from]));
	json_object_set_new(m->data, "to", json_string(to));
	if (rank >= m->k->street && *m->s.assignee)
		json_object_set_new(m->data, "summoned", json_string(m->s.assignee));
	return 0;
}

#define LIST(...) ((const char *const[]){__VA_ARGS__, NULL})

/* Each step: the statuses it is taken from (.from; none given, any open one), the status it
 * leaves (.to; none given, its function says), the options it needs (spelled as its usage
 * spells them, checked in that order) and takes besides them and --note and --reason, the
 * event it writes and the hook it fires, what a refusal says, and its function. */
const struct gg_ticket_step gg_ticket_steps[] = {
	{.verb = "accept",
	 .from = LIST("new", "assigned"),
	 .to = "accepted",
	 .event = "accepted",
	 .fn = accept,
	 .usage = "ID... [--note TEXT]",
	 .help = "accept tickets (at street level: the department reports for duty)"},
	{.verb = "assign",
	 .to = "assigned",
	 .needs = LIST("--to PERSON|DEPARTMENT"),
	 .event = "assigned",
	 .fn = assign,
	 .usage = "ID... --to PERSON|DEPARTMENT [--note TEXT]",
	 .help = "assign tickets"},
	{.verb = "start",
	 .from = LIST("accepted", "assigned"),
	 .to = "in_progress",
	 .event = "started",
	 .hint = "accept it first",
	 .hint_if = "new",
	 .usage = "ID... [--note TEXT]",
	 .help = "start work on tickets"},
	{.verb = "suspend",
	 .to = "suspended",
	 .needs = LIST("--reason TEXT"),
	 .event = "suspended",
	 .fn = suspend,
	 .usage = "ID... --reason TEXT",
	 .help = "stop the clock"},
	{.verb = "resume",
	 .from = LIST("suspended"),
	 .event = "resumed",
	 .fn = resume,
	 .usage = "ID... [--note TEXT]",
	 .help = "start the clock again; the deadline moves by the time paused"},
	{.verb = "extend",
	 .needs = LIST("--reason TEXT", "--by DURATION"),
	 .event = "extended",
	 .fn = extend,
	 .usage = "ID... --by DURATION --reason TEXT",
	 .help = "extend the deadline, at most what the category allows"},
	{.verb = "resolve",
	 .from = LIST("accepted", "assigned", "in_progress"),
	 .to = "resolved",
	 .event = "resolved",
	 .hint = "accept it first",
	 .hint_if = "new",
	 .fn = resolve,
	 .usage = "ID... [--note TEXT]",
	 .help = "mark tickets resolved, for a return visit"},
	{.verb = "visit",
	 .from = LIST("resolved"),
	 .needs = LIST("--satisfaction satisfied|basic|unsatisfied"),
	 .event = "visited",
	 .cannot = "record a return visit on",
	 .hint = "a return visit follows resolve",
	 .fn = visit,
	 .usage = "ID... --satisfaction satisfied|basic|unsatisfied [--note TEXT]",
	 .help = "record the return visit; unsatisfied sends the ticket back to work (退回重办)"},
	{.verb = "close",
	 .from = LIST("resolved"),
	 .to = "closed",
	 .event = "closed",
	 .hook = "close",
	 .fn = close_,
	 .usage = "ID... [--note TEXT]",
	 .help = "close tickets whose resident is satisfied"},
	{.verb = "reopen",
	 .from = LIST("resolved", "closed"),
	 .to = "accepted",
	 .needs = LIST("--reason TEXT"),
	 .event = "reopened",
	 .fn = reopen,
	 .usage = "ID... --reason TEXT",
	 .help = "reopen resolved or closed tickets"},
	{.verb = "reject",
	 .from = LIST("new", "accepted", "assigned"),
	 .to = "rejected",
	 .needs = LIST("--reason TEXT"),
	 .event = "rejected", /* its time is the event's: closed_at is for closed tickets only */
	 .usage = "ID... --reason TEXT",
	 .help = "reject tickets"},
	{.verb = "escalate",
	 .needs = LIST("--to LEVEL", "--reason TEXT"),
	 .takes = LIST("--due", "--dry-run"),
	 .event = "escalated",
	 .hook = "escalate",
	 .fn = escalate,
	 .usage = "ID... --to LEVEL --reason TEXT | --due [--dry-run]",
	 .help = "escalate tickets by hand, or (--due) every ticket past its deadline: the cron sweep\n"
		 "  --dry-run         with --due: show what would move, write nothing"},
	{0},
};

const struct gg_ticket_step *gg_ticket_step(const char *verb)
{
	for (const struct gg_ticket_step *s = gg_ticket_steps; verb && s->verb; s++)
		if (!strcmp(s->verb, verb))
			return s;
	return NULL;
}

/* Whether the step may be taken from the ticket's status; a refusal names the status. */
static int allowed(struct gg_ctx *c, const struct gg_ticket_step *step, const struct state *s)
{
	/* without a list, any open status whose clock runs: a suspended ticket is resumed first */
	int ok = step->from ? gg_ticket_one_of(step->from, s->status) : gg_ladder_is_open(c, s->status);
	if (ok > 0 && !step->from && !strcmp(s->status, "suspended"))
		ok = 0;
	const char *hint = step->hint_if && strcmp(step->hint_if, s->status) ? NULL : step->hint;

	if (ok < 0)
		return c->err.code;
	return ok ? 0 : gg_ticket_refuse(c, s, step->cannot ? step->cannot : step->verb, hint);
}

/* Writes what the step did: the ticket's state, its event, the audit row, the hook's record. */
static int record(struct gg_ctx *c, const struct gg_ticket_step *step, struct gg_ticket_move *m, const char *note)
{
	json_t *ch, *rec;
	int rc;

	if ((rc = gg_ticket_store(c, &m->s)) ||
	    (rc = gg_ticket_event(c, m->s.id, m->now, m->event, m->s.status, m->s.level, note, m->data)))
		return rc;
	ch = json_pack("{s:s,s:s,s:I,s:s,s:s}", "op", step->verb, "kind", "ticket", "id", m->s.id, "status",
		       m->s.status, "level", m->s.level);
	rc = gg_audit(c, ch);
	json_decref(ch);
	if (!rc && step->hook && gg_ticket_get(c, m->s.id, &rec) == 0) {
		gg_hook_queue(c, step->hook, rec);
		json_decref(rec);
	}
	return rc;
}

/* Takes one step of the life cycle. args: note, reason (the event's note), and what the step
 * needs: to (an assignee or a level), by (a duration), satisfaction. A refused step names the
 * ticket's status, and nothing is written. */
int gg_ticket_act(struct gg_ctx *c, json_int_t id, const char *verb, json_t *args)
{
	const struct gg_ticket_step *step = gg_ticket_step(verb);
	struct gg_ticket_move m = {.args = args, .now = gg_clock_now()};
	const char *note = json_string_value(json_object_get(args, "note"));
	const char *reason = json_string_value(json_object_get(args, "reason"));
	int rc;

	if (!step)
		return gg_err_set(&c->err, GG_EX_SOFTWARE, "no step '%s'", verb);
	if ((rc = gg_ticket_load(c, id, &m.s)) || (rc = gg_ticket_category(c, m.s.category, &m.k)))
		return rc;
	if (!m.k)
		return gg_err_set(&c->err, GG_EX_SOFTWARE, "ticket %lld has no category", (long long)id);
	if ((rc = allowed(c, step, &m.s)))
		return rc;
	m.event = step->event;
	m.data = json_object();
	if (!(rc = step->fn ? step->fn(c, &m) : 0)) {
		if (step->to)
			snprintf(m.s.status, sizeof m.s.status, "%s", step->to);
		rc = record(c, step, &m, reason ? reason : note);
	}
	json_decref(m.data);
	return rc;
}
