/* SPDX-License-Identifier: Apache-2.0 */
/* org.h: the net as a whole: importing and exporting a city in one document, drawing its
 * tree, checking it against the rules of the four-level structure and staffing, and
 * resolving an address to its building and grid (org-resolve.c). */
#ifndef GG_ORG_H
#define GG_ORG_H

#include <jansson.h>
#include <stdint.h>

#include "ctx.h"
#include "kind.h"
#include "reader.h"

/* org-kind.c: gg-org's kinds, and its registry in import order */
extern const struct gg_kind gg_unit_kind, gg_dept_kind, gg_person_kind, gg_party_kind, gg_link_kind, gg_duty_kind,
	gg_signboard_kind, gg_demand_kind, gg_district_dept_kind, gg_party_member_kind;
extern const struct gg_kind *const gg_org_kinds[];

/* org.c */
int gg_org_init(struct gg_ctx *c);
int gg_org_import(struct gg_ctx *c, struct gg_reader *r, json_t *summary);
int gg_org_export(struct gg_ctx *c, const char *under, int flat, json_t **doc);
int gg_org_tree(struct gg_ctx *c, const char *under, int depth, json_t *rows);
int gg_org_check(struct gg_ctx *c, const char *under, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);
int gg_org_subtree(struct gg_ctx *c, const char *under, json_t **set);
/* A unit an option (--under) names must be one: a typing error is not an empty answer (65). */
int gg_org_unit_known(struct gg_ctx *c, const char *opt, const char *code);
/* The named query of the days [from, to) (YYYY-MM-DD, bound as :from and :to, their bounds in
 * *a and *b) within the unit under (:under, NULL: everywhere); NULL on an error in c->err: a
 * period of no day is usage, an unknown unit bad data. */
struct gg_stmt;
struct gg_stmt *gg_org_days_query(struct gg_ctx *c, const char *name, const char *from, const char *to,
				  const char *under, int64_t *a, int64_t *b);
int gg_org_in_scope(json_t *rec, json_t *set);

/* org-resolve.c */
int gg_org_resolve(struct gg_ctx *c, const char *address, json_t **out);

#endif
