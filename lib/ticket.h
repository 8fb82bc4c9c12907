/* SPDX-License-Identifier: Apache-2.0 */
/* ticket.h: the life of a ticket. The category catalogue, intake (one record, or a stream
 * of them, idempotent by source and external_id), the steps of the life cycle, escalation by
 * hand and by the sweep, duplicates, and tickets as records for output. */
#ifndef GG_TICKET_H
#define GG_TICKET_H

#include <jansson.h>
#include <stdint.h>

#include "ctx.h"
#include "kind.h"
#include "reader.h"

/* ticket-category.c */
extern const struct gg_kind gg_category_kind;

/* ticket-kind.c: a ticket's references, and gg-ticket's registry */
extern const struct gg_kind gg_ticket_kind;
extern const struct gg_kind *const gg_ticket_kinds[];

/* ticket-intake.c: the sources a ticket comes from, and its priorities */
extern const char *const gg_ticket_sources[];
extern const char *const gg_ticket_priorities[];

/* ticket-intake.c: what intake does with places it cannot resolve, and whether deadlines may be past */
struct gg_intake {
	const char *unresolved_grid; /* --unresolved=grid:CODE */
	const char *unmapped_category; /* --unmapped=category:CODE */
	int is_new;		     /* `new`: a deadline already past is an error */
	json_int_t added, updated, unchanged;
	json_int_t refused; /* records a dry run would refuse */
	struct gg_intake_batch *batch; /* an import's tickets on a server, stored a batch at a time */
	int broken;			/* a batch failed: a dry run cannot go on */
};

int gg_ticket_intake_check(struct gg_ctx *c, const struct gg_intake *in);
/* An import on a PostgreSQL server stores its tickets a batch at a time (on a file, one by
 * one, as read): gg_ticket_intake_bulk before the first record, gg_ticket_intake_end after
 * the last, with the import's result so far (rc), which stores the last batch if all went
 * well; its result is the import's. The counts are whole after it. */
int gg_ticket_intake_bulk(struct gg_ctx *c, struct gg_intake *in);
int gg_ticket_intake_end(struct gg_ctx *c, struct gg_intake *in, int rc);
int gg_ticket_intake(struct gg_ctx *c, json_t *rec, const struct gg_src *src, struct gg_intake *in, json_int_t *id);
int gg_ticket_imported(struct gg_ctx *c, const char *from, json_t *counts);

/* ticket-step.c: a step of the life cycle, as lib takes it and gg-ticket offers it */
struct gg_ticket_move; /* a step under way (ticket-impl.h) */
struct gg_ticket_step {
	const char *verb;	  /* accept */
	const char *const *from;  /* the statuses it is taken from; NULL: any open one */
	const char *to;		  /* the status it leaves; NULL: its function says */
	const char *const *needs; /* options it cannot go without, as usage spells them: "--by DURATION" */
	const char *const *takes; /* options it takes besides those and --note and --reason */
	const char *event;	  /* the kind of event it writes: accepted */
	const char *hook;	  /* the hook it fires, if any */
	const char *cannot;	  /* its verb in a refusal, when not .verb: "cannot record a return visit on" */
	const char *hint;	  /* said with a refusal (only to a ticket whose status is hint_if, if given) */
	const char *hint_if;
	const char *usage, *help;
	int (*fn)(struct gg_ctx *c, struct gg_ticket_move *m);
};

extern const struct gg_ticket_step gg_ticket_steps[]; /* ends with {0} */
const struct gg_ticket_step *gg_ticket_step(const char *verb);
int gg_ticket_act(struct gg_ctx *c, json_int_t id, const char *verb, json_t *args);

/* ticket-move.c: a district's tickets moved into another database. gg_ticket_dump hands fn
 * every ticket filter keeps, as stored and with its events. A move from origin: its map made
 * by gg_ticket_move_begin (the caller frees it), each record taken in under the next id by
 * gg_ticket_move_in (map's "ids" gets {id, was}), then their events and duplicates by
 * gg_ticket_move_done once all are in. */
int gg_ticket_dump(struct gg_ctx *c, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);
json_t *gg_ticket_move_begin(const char *origin);
int gg_ticket_move_in(struct gg_ctx *c, json_t *rec, json_t *map);
int gg_ticket_move_done(struct gg_ctx *c, json_t *map);

/* ticket-sweep.c */
int gg_ticket_sweep(struct gg_ctx *c, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);

/* ticket.c */
int gg_ticket_get(struct gg_ctx *c, json_int_t id, json_t **out);
int gg_ticket_list(struct gg_ctx *c, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);
int gg_ticket_history(struct gg_ctx *c, json_int_t id, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);
int gg_ticket_dups(struct gg_ctx *c, int64_t window, int64_t since, int (*fn)(struct gg_ctx *, json_t *, void *),
		   void *arg);
int gg_ticket_merge(struct gg_ctx *c, json_int_t id, json_int_t into);
/* Records in ticket id's history what another tool made of it (kind: order_placed, and data:
 * the order's id); the ticket's status and level stay as they are. */
int gg_ticket_mention(struct gg_ctx *c, json_int_t id, const char *kind, json_t *data);

/* ticket-open311.c */
json_t *gg_ticket_open311(json_t *ticket);
int gg_ticket_from_open311(json_t *req, json_t **out);

#endif
