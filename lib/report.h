/* SPDX-License-Identifier: Apache-2.0 */
/* report.h: gg-report's reports (the audit log's are in audit.h). */
#ifndef GG_REPORT_H
#define GG_REPORT_H

#include <jansson.h>

#include "ctx.h"

/* report.c: fn on the staffing of each unit at level within under (NULL: all), in code order */
int gg_report_staffing(struct gg_ctx *c, const char *level, const char *under,
		       int (*fn)(struct gg_ctx *, json_t *, void *), void *arg);

/* report.c: *out, one record per unit at level (community, street, district) within under:
 * the volunteer figures of the period, by gg-score's metrics of them */
int gg_report_volunteers(struct gg_ctx *c, const char *period, const char *level, const char *under, json_t **out);

/* report.c: *out, gg-score's ticket metrics of the period by category, source, level, unit
 * (the ticket's) or a level of the net, of the tickets within under (NULL: all); *cols the
 * records' fields */
int gg_report_tickets(struct gg_ctx *c, const char *period, const char *by, const char *under, json_t **cols,
		      json_t **out);

/* report.c: *head, what a report is of: {unit, name}, the unit under (data error when unknown),
 * else the city; when the database holds several, a usage error if strict, else {} */
int gg_report_root(struct gg_ctx *c, const char *under, int strict, json_t **head);

/* report-monthly.c: *out, the monthly appraisal report of the period for the streets and
 * communities within under (NULL: the city): {head, streets, communities, best, worst, listed,
 * trend, resolution}, each but head a list of records; the appraisals stored by the rubric
 * (NULL: default), else reckoned by the built-in one and head.provisional true */
int gg_report_monthly(struct gg_ctx *c, const char *period, const char *under, const char *rubric, json_t **out);

/* ---- report-burden.c: the burden-reduction audit ---- */

/* report-burden.c: the audit of the demands placed in the period on the communities within
 * under (NULL: all). *findings, a record per finding (rule, community, community_name,
 * department, department_name, demand, title, date, figures), rule by rule: unapproved,
 * negative_list, unfunded, inspections (past cap comprehensive ones a department makes of a
 * community in a year), repeated_field, signboard. *counts, a record per rule (rule, before,
 * after, change_pct): its findings in the period before and in this one. */
int gg_report_burden(struct gg_ctx *c, const char *period, const char *under, long cap, json_t **findings,
		     json_t **counts);

#endif
