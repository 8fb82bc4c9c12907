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

extern const struct gg_kind gg_category_kind, gg_ticket_kind;
extern const struct gg_kind *const gg_ticket_kinds[];
extern const char *const gg_ticket_levels[];

/* what intake does with places it cannot resolve, and whether deadlines may be past */
struct gg_intake {
	const char *unresolved_grid; /* --unresolved=grid:CODE */
	int is_new;		     /* `new`: a deadline already past is an error */
	json_int_t added, updated, unchanged;
};

enum gg_intake_result { GG_TICKET_NEW, GG_TICKET_UPDATED, GG_TICKET_SAME };

int gg_ticket_intake(struct gg_ctx *c, json_t *rec, const struct gg_src *src, struct gg_intake *in, json_int_t *id);
int gg_ticket_imported(struct gg_ctx *c, const char *from, json_t *counts);
int gg_ticket_get(struct gg_ctx *c, json_int_t id, json_t **out);
int gg_ticket_act(struct gg_ctx *c, json_int_t id, const char *action, json_t *args);
int gg_ticket_sweep(struct gg_ctx *c, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);
int gg_ticket_list(struct gg_ctx *c, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);
int gg_ticket_history(struct gg_ctx *c, json_int_t id, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);
int gg_ticket_dups(struct gg_ctx *c, int64_t window, int64_t since, int (*fn)(struct gg_ctx *, json_t *, void *),
		   void *arg);
int gg_ticket_merge(struct gg_ctx *c, json_int_t id, json_int_t into);
json_t *gg_ticket_open311(json_t *ticket);
int gg_ticket_from_open311(json_t *req, json_t **out);

#endif
