/* SPDX-License-Identifier: Apache-2.0 */
/* ladder.h: the orders gg counts in, read from the store where they are defined once
 * (share/gg/sql/003-ladder.sql): the levels of the net (city … building), the levels a
 * ticket climbs (grid … department), and which ticket statuses are open. Each is read once
 * per command and kept in its memo. */
#ifndef GG_LADDER_H
#define GG_LADDER_H

#include "ctx.h"

#define GG_LADDER_MAX 16

/* The names of a ladder ("unit" or "ticket") top first, NULL-terminated; NULL on error. */
const char *const *gg_ladder(struct gg_ctx *c, const char *ladder);
/* A name's rank on a ladder, or -1 when it is not on it (c->err.code tells an error apart). */
int gg_ladder_rank(struct gg_ctx *c, const char *ladder, const char *name);
/* Every ticket status, NULL-terminated; NULL on error. */
const char *const *gg_ladder_statuses(struct gg_ctx *c);
/* 1 when a ticket in `status` is open, 0 when not, -1 on error. */
int gg_ladder_is_open(struct gg_ctx *c, const char *status);

#endif
