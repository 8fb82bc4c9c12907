/* SPDX-License-Identifier: Apache-2.0 */
/* report.c: gg-report's reports over what the other tools keep, each one named query under
 * share/gg/queries/report/ reading the same views the tools' own figures read, so a report
 * and a check or a metric never count a thing two ways. */
#include <string.h>

#include "db.h"
#include "org.h"
#include "report.h"
#include "score.h"

int gg_report_staffing(struct gg_ctx *c, const char *level, const char *under,
		       int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	static const char *const levels[] = {"community", "street", "district", "city", NULL};
	const char *const *l = levels;
	struct gg_stmt *st;
	int rc;

	while (*l && strcmp(*l, level))
		l++;
	if (!*l)
		return gg_err_set(&c->err, GG_EX_USAGE, "--level: community, street, district or city, not '%s'",
				  level);
	if (gg_org_unit_known(c, "--under", under) || !(st = gg_db_named(c->db, "report/staffing", &c->err)))
		return c->err.code;
	gg_stmt_bind_text(st, gg_stmt_index(st, "level"), level);
	gg_stmt_bind_text(st, gg_stmt_index(st, "under"), under);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *row = gg_stmt_row(st);
		rc = fn(c, row, arg);
		json_decref(row);
		if (rc)
			return rc;
	}
	return rc < 0 ? c->err.code : 0;
}

int gg_report_volunteers(struct gg_ctx *c, const char *period, const char *level, const char *under, json_t **out)
{
	/* gg-score's own metrics, never a second definition of them */
	static const char *const names[] = {
		"volunteers_active", "party_members_active", "verified_hours",	    "hours_per_party_member",
		"orders_accepted",   "orders_done",	     "order_accept_median", NULL};
	struct gg_score_scope q;

	*out = NULL;
	if (gg_score_scope_init(c, &q, period, level, NULL, under))
		return c->err.code;
	return gg_score_metrics(c, &q, names, 0, out);
}

int gg_report_tickets(struct gg_ctx *c, const char *period, const char *by, const char *under, json_t **cols,
		      json_t **out)
{
	static const char *const net[] = {"grid", "community", "street", "district", NULL};
	struct gg_score_scope q;
	const char *const *l = net;

	*out = *cols = NULL;
	while (*l && strcmp(*l, by))
		l++;
	/* the tickets under the units at --by's level, or under --under (or the whole city) */
	if (gg_org_unit_known(c, "--under", under) ||
	    gg_score_scope_init(c, &q, period, "district", *l || !under ? NULL : under, *l ? under : NULL))
		return c->err.code;
	if (*l)
		q.level = *l;
	else if (!under)
		q.level = "city";
	return gg_score_ticket_metrics_by(c, &q, by, NULL, cols, out);
}

int gg_report_root(struct gg_ctx *c, const char *under, int strict, json_t **head)
{
	struct gg_stmt *st = gg_db_named(c->db, "report/root", &c->err);
	int rc;

	*head = NULL;
	if (!st)
		return c->err.code;
	gg_stmt_bind_text(st, gg_stmt_index(st, "under"), under);
	if ((rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	if (!rc && under)
		return gg_err_set(&c->err, GG_EX_DATAERR, "--under: unknown unit '%s'", under);
	if (!rc)
		return gg_err_set(&c->err, GG_EX_DATAERR, "the database holds no city: gg-org import one first");
	*head = json_pack("{s:s, s:s}", "unit", gg_stmt_text(st, 0), "name", gg_stmt_text(st, 1));
	if (!strcmp(gg_stmt_text(st, 2), "grid") || !strcmp(gg_stmt_text(st, 2), "building"))
		gg_err_set(&c->err, GG_EX_USAGE, "--under %s: a %s lies within one community; name the community",
			   under, gg_stmt_text(st, 2));
	else if ((rc = gg_stmt_step(st, &c->err)) > 0 && strict)
		gg_err_set(&c->err, GG_EX_USAGE,
			   "the database holds more than one city (%s, %s): name one with --under",
			   json_string_value(json_object_get(*head, "unit")), gg_stmt_text(st, 0));
	if (rc > 0 && !strict)
		json_object_clear(*head); /* of several cities: none of them alone */
	if (rc > 0)
		gg_stmt_run(st, &c->err);
	if (c->err.code) {
		json_decref(*head);
		*head = NULL;
		return c->err.code;
	}
	return 0;
}
