/* SPDX-License-Identifier: Apache-2.0 */
/* ticket-impl.h: what the parts of lib/ticket*.c share and nothing outside them reads: a
 * category as the clock needs it, a ticket's state as the life cycle moves it, and how each
 * is read and written. gg-volunteer and the rest go through ticket.h. */
#ifndef GG_TICKET_IMPL_H
#define GG_TICKET_IMPL_H

#include <jansson.h>
#include <stdint.h>

#include "calendar.h"
#include "db.h"
#include "ladder.h"
#include "ticket.h"

/* A category as the clock needs it, on the ticket ladder (share/gg/sql/003-ladder.sql): the
 * rank its tickets start at, a deadline per rank, and the rank from which its department is
 * summoned ("吹哨"): the department it names, or (role) the one the ticket's district gives
 * that role. Read once per command (ticket-category.c). */
struct cat {
	int found;
	const struct gg_cal *cal; /* the holiday calendar its working days are counted with */
	const char *const *level; /* the ladder's names by rank */
	int start, street, top;
	char code[128], department[128], role[128];
	struct gg_dur respond, sla[GG_LADDER_MAX], max_ext;
	int has_sla[GG_LADDER_MAX], has_max_ext;
	/* the deadlines of urgent tickets (its urgent map), if it has one */
	struct gg_dur urgent[GG_LADDER_MAX];
	int has_urgent, warned; /* warned: said once that its urgent tickets get the normal SLA */
};

/* What the life cycle changes of a ticket; times are 0 where the column is NULL. */
struct state {
	json_int_t id;
	char category[128], status[16], level[16], resume[16], satisfaction[16], assignee[128], unit[128];
	int64_t due_at, due_base, level_at, suspended_at, respond_by, accepted_at, resolved_at, closed_at, overdue_at;
	int provisional; /* due_at or respond_by counted past the years the holiday calendar covers */
	int urgent;	 /* its priority is urgent: the category's urgent deadlines, where it has them */
	int missed;	 /* a deadline was ever missed; set by the sweep, never cleared */
};

/* A step under way: the ticket's state as the step moves it, its category, the options given,
 * and what its event will say. */
struct gg_ticket_move {
	struct state s;
	struct cat *k;
	json_t *args, *data;
	int64_t now;
	const char *event; /* the step's kind of event, unless the step says otherwise */
};

int gg_ticket_one_of(const char *const *set, const char *s);
void *gg_ticket_memo(struct gg_ctx *c, const char *what, const char *code, size_t size, int *fresh);
struct gg_stmt *gg_ticket_query(struct gg_ctx *c, const char *name, const char *const *params, const int **at);

/* *out is NULL for a code the catalogue does not have. */
int gg_ticket_category(struct gg_ctx *c, const char *code, struct cat **out);
int gg_ticket_rank(const struct cat *k, const char *level);
int64_t gg_ticket_due(struct gg_ctx *c, struct cat *k, int urgent, int rank, int64_t t, int *provisional);

json_t *gg_ticket_record(struct gg_ctx *c, json_t *row);
void gg_ticket_shown(struct gg_ctx *c, json_t *row, json_int_t id);
int gg_ticket_by_id(struct gg_ctx *c, const char *query, json_int_t id, struct gg_stmt **st);
int gg_ticket_load(struct gg_ctx *c, json_int_t id, struct state *s);
int gg_ticket_store(struct gg_ctx *c, const struct state *s);
int gg_ticket_summon(struct gg_ctx *c, const struct cat *k, const char *unit, char *out, size_t n);
int gg_ticket_climb(struct gg_ctx *c, struct state *s, struct cat *k, int rank, int64_t t);
int gg_ticket_refuse(struct gg_ctx *c, const struct state *s, const char *action, const char *hint);
int gg_ticket_event(struct gg_ctx *c, json_int_t id, int64_t at, const char *kind, const char *status,
		    const char *level, const char *note, json_t *data);

#endif
