/* SPDX-License-Identifier: Apache-2.0 */
/* report-burden.c: the burden-reduction audit (基层减负): the demands departments placed on
 * communities in a period held against the seed's rules, one named query a rule under
 * share/gg/queries/burden/, and each rule's findings counted against the period before. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "db.h"
#include "org.h"
#include "report.h"

/* The rules, in the order their findings are listed; each is the query burden/RULE. */
static const char *const rules[] = {"unapproved",     "negative_list", "unfunded", "inspections",
				    "repeated_field", "signboard",     NULL};

/* A row of a rule's query as a finding: the rule's name first, and its figures, which the
 * query builds as JSON text, as a mapping. */
static json_t *finding(const char *rule, struct gg_stmt *st)
{
	json_t *row = gg_stmt_row(st), *f = json_pack("{s:s}", "rule", rule), *figures;
	const char *key;
	json_t *v;

	json_object_foreach (row, key, v) {
		if (strcmp(key, "figures") == 0 && json_is_string(v) &&
		    (figures = json_loads(json_string_value(v), 0, NULL)))
			json_object_set_new(f, key, figures);
		else
			json_object_set(f, key, v);
	}
	json_decref(row);
	return f;
}

/* Runs the rule's query over the days [from, to): each finding appended to out, or (out NULL)
 * only counted in *n. */
static int run_rule(struct gg_ctx *c, const char *rule, const char *from, const char *to, const char *under, long cap,
		    json_t *out, long *n)
{
	char name[64];
	int64_t a, b;
	struct gg_stmt *st;
	int rc;

	snprintf(name, sizeof name, "burden/%s", rule);
	if (!(st = gg_org_days_query(c, name, from, to, under, &a, &b)))
		return c->err.code;
	gg_stmt_bind_int(st, gg_stmt_index(st, "cap"), cap);
	*n = 0;
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		++*n;
		if (out)
			json_array_append_new(out, finding(rule, st));
	}
	return rc < 0 ? c->err.code : 0;
}

/* A rule's count in the period before and in this one, and the change in percent of the
 * count before (null when there was none to compare with). */
static json_t *count(const char *rule, long before, long after)
{
	json_t *r = json_pack("{s:s,s:I,s:I}", "rule", rule, "before", (json_int_t)before, "after", (json_int_t)after);

	json_object_set_new(r, "change_pct",
			    before ? json_real(round((after - before) * 1000.0 / before) / 10.0) : json_null());
	return r;
}

/* Every rule over the period and the period before it: this period's findings, and both
 * periods' counts. */
int gg_report_burden(struct gg_ctx *c, const char *period, const char *under, long cap, json_t **findings,
		     json_t **counts)
{
	char prev[16], from[16], to[16], pfrom[16], pto[16];
	long after, before;
	int rc = 0;

	*findings = *counts = NULL;
	if (gg_cli_days(c, period, NULL, NULL, from, to))
		return c->err.code;
	if (gg_clock_period_shift(period, -1, prev) || gg_cli_days(c, prev, NULL, NULL, pfrom, pto))
		return gg_err_set(&c->err, GG_EX_USAGE, "no period before '%s' to compare with", period);
	if (gg_org_unit_known(c, "--under", under))
		return c->err.code;
	*findings = json_array();
	*counts = json_array();
	for (int i = 0; rules[i] && !rc; i++) {
		if (!(rc = run_rule(c, rules[i], from, to, under, cap, *findings, &after)) &&
		    !(rc = run_rule(c, rules[i], pfrom, pto, under, cap, NULL, &before)))
			json_array_append_new(*counts, count(rules[i], before, after));
	}
	if (!rc)
		return 0;
	json_decref(*findings);
	json_decref(*counts);
	*findings = *counts = NULL;
	return rc;
}
