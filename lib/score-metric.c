/* SPDX-License-Identifier: Apache-2.0 */
/* score-metric.c: the figures an appraisal may use, one named query each under
 * share/gg/queries/metrics/, read as they are written. Metrics over the same rows (the
 * period's tickets, its ledger rows, …) are asked for together: their expressions put in one
 * SELECT over those rows, so a month of a city's tickets is read once, not thirty times. */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "embed.h"
#include "org.h"
#include "score.h"

#define PREFIX "queries/metrics/"
#define HEAD "SELECT s.ancestor AS unit,"
#define VALUE " AS value\n"

/* One metric file: its header's unit and direction, and, when its query has the shape every
 * metric here has (SELECT s.ancestor AS unit, EXPR AS value FROM …), the expression and the rows
 * it is over (tail), for putting it beside the others over the same rows. */
struct metric {
	char name[64];
	const char *text;
	char unit[64], better[16], empty[16]; /* empty: the value of a unit without rows (a count's 0) */
	char *about;
	char *expr, *tail;
};

static void metric_free(struct metric *m)
{
	free(m->about);
	free(m->expr);
	free(m->tail);
}

/* The value of the header line "-- KEY: VALUE" into buf. */
static void header(const char *text, const char *key, char *buf, size_t n)
{
	size_t k = strlen(key);

	buf[0] = '\0';
	for (const char *p = text; p && !strncmp(p, "--", 2); p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (p[2] == ' ' && !strncmp(p + 3, key, k) && p[3 + k] == ':') {
			const char *v = p + 4 + k, *e;
			v += *v == ' ';
			e = strchr(v, '\n');
			size_t len = e ? (size_t)(e - v) : strlen(v);
			len = len < n - 1 ? len : n - 1;
			memcpy(buf, v, len);
			buf[len] = '\0';
			return;
		}
}

/* What the metric counts: the first comment after its file's name, up to "-- unit:", joined. */
static char *about(const char *text, const char *name)
{
	char mark[96];
	snprintf(mark, sizeof mark, "metrics/%s.sql: ", name);
	const char *p = strstr(text, mark);
	size_t len = 0;
	char *out = malloc(strlen(text) + 1);

	if (!out || !p)
		return out ? (*out = '\0', out) : NULL;
	p += strlen(mark);
	for (;;) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (len)
			out[len++] = ' ';
		memcpy(out + len, p, n);
		len += n;
		if (!e || strncmp(e + 1, "-- ", 3) || !strncmp(e + 1, "-- unit:", 8))
			break;
		p = e + 4;
	}
	out[len] = '\0';
	return out;
}

static int metric_read(const struct gg_embed *e, struct metric *m, struct gg_err *err)
{
	const char *base = e->name + strlen(PREFIX), *body;
	size_t n = strlen(base) - strlen(".sql");

	memset(m, 0, sizeof *m);
	if (n >= sizeof m->name)
		return gg_err_set(err, GG_EX_SOFTWARE, "metric name too long: %s", base);
	memcpy(m->name, base, n);
	m->text = e->text;
	header(e->text, "unit", m->unit, sizeof m->unit);
	header(e->text, "better", m->better, sizeof m->better);
	header(e->text, "empty", m->empty, sizeof m->empty);
	if (!(m->about = about(e->text, m->name)))
		return gg_err_oom(err);
	for (body = e->text; !strncmp(body, "--", 2);)
		body = strchr(body, '\n') ? strchr(body, '\n') + 1 : body + strlen(body);
	const char *v = strstr(body, VALUE);
	if (!strncmp(body, HEAD, strlen(HEAD)) && v) {
		/* the last " AS value\n": an expression may hold subqueries of its own */
		for (const char *w; (w = strstr(v + 1, VALUE));)
			v = w;
		const char *x = body + strlen(HEAD);
		while (*x == ' ' || *x == '\n' || *x == '\t')
			x++;
		m->expr = strndup(x, (size_t)(v - x));
		m->tail = strdup(v + strlen(VALUE));
		if (!m->expr || !m->tail)
			return gg_err_oom(err);
	}
	return 0;
}

/* fn on each metric file, in name order. */
static int each_metric(struct gg_ctx *c, int (*fn)(struct gg_ctx *, struct metric *, void *), void *arg)
{
	for (const struct gg_embed *e = gg_embedded; e->name; e++) {
		struct metric m;
		int rc;
		if (strncmp(e->name, PREFIX, strlen(PREFIX)))
			continue;
		rc = metric_read(e, &m, &c->err) ? c->err.code : fn(c, &m, arg);
		metric_free(&m);
		if (rc)
			return rc;
	}
	return 0;
}

struct list_arg {
	int (*fn)(struct gg_ctx *, json_t *, void *);
	void *arg;
};

static int list_one(struct gg_ctx *c, struct metric *m, void *arg)
{
	struct list_arg *a = arg;
	json_t *r = json_pack("{s:s, s:s, s:s, s:s}", "name", m->name, "unit", m->unit, "better", m->better, "about",
			      m->about);
	int rc = r ? a->fn(c, r, a->arg) : gg_err_oom(&c->err);
	json_decref(r);
	return rc;
}

int gg_score_metric_each(struct gg_ctx *c, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct list_arg a = {fn, arg};
	return each_metric(c, list_one, &a);
}

const char *gg_score_metric_sql(const char *name)
{
	char path[128];
	if (strlen(name) > 64 || strchr(name, '/'))
		return NULL;
	snprintf(path, sizeof path, PREFIX "%s.sql", name);
	return gg_embed_get(path);
}

const char *gg_score_metric_better(const char *name, char better[16])
{
	const char *text = gg_score_metric_sql(name);

	if (!text)
		return NULL;
	header(text, "better", better, 16);
	return better;
}

/* ---- computing them ---- */

static void bind(struct gg_stmt *st, const struct gg_score_scope *q)
{
	int i;
	if ((i = gg_stmt_index(st, "level")))
		gg_stmt_bind_text(st, i, q->level);
	if ((i = gg_stmt_index(st, "unit")))
		gg_stmt_bind_text(st, i, q->unit);
	if ((i = gg_stmt_index(st, "under")))
		gg_stmt_bind_text(st, i, q->under);
	if ((i = gg_stmt_index(st, "from")))
		gg_stmt_bind_int(st, i, q->from);
	if ((i = gg_stmt_index(st, "to")))
		gg_stmt_bind_int(st, i, q->to);
	if ((i = gg_stmt_index(st, "from_day")))
		gg_stmt_bind_text(st, i, q->from_day);
	if ((i = gg_stmt_index(st, "to_day")))
		gg_stmt_bind_text(st, i, q->to_day);
}

/* A query built here, kept (and so its cached statement's key) until the command is done. */
static const char *keep_sql(struct gg_ctx *c, const char *sql)
{
	char name[48];
	int fresh;
	unsigned *serial = gg_ctx_memo(c, "score-sql", sizeof *serial, &fresh);

	if (!serial)
		return NULL;
	snprintf(name, sizeof name, "score-sql-%u", (*serial)++);
	char *kept = gg_ctx_memo(c, name, strlen(sql) + 1, &fresh);
	if (kept)
		strcpy(kept, sql);
	return kept;
}

/* Runs sql (its columns after the first, unit, named as metrics) into the records by unit. */
static int run(struct gg_ctx *c, const char *sql, const struct gg_score_scope *q, json_t *by_unit)
{
	struct gg_stmt *st = gg_db_stmt(c->db, sql, &c->err);
	int rc;

	if (!st)
		return c->err.code;
	bind(st, q);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *row = gg_stmt_row(st),
		       *rec = json_object_get(by_unit, json_string_value(json_object_get(row, "unit")));
		const char *k;
		json_t *v;
		json_object_del(row, "unit");
		if (rec)
			json_object_foreach (row, k, v)
				json_object_set(rec, k, v);
		json_decref(row);
	}
	return rc < 0 ? c->err.code : 0;
}

struct compute {
	const struct gg_score_scope *q;
	const char *const *names; /* the metrics asked for, or NULL for all */
	int each;		  /* every metric by its own query */
	json_t *by_unit;	  /* unit → its record */
	json_t *groups;		  /* tail → [[name, expr], …] */
	json_t *order;		  /* [name, its value without rows], in order */
};

/* Whether the metric is among those asked for (names NULL: all of them). */
static int asked(const char *const *names, const char *name)
{
	while (names && *names && strcmp(*names, name))
		names++;
	return !names || *names;
}

static int wanted(const struct compute *k, const char *name)
{
	return asked(k->names, name);
}

static int collect(struct gg_ctx *c, struct metric *m, void *arg)
{
	struct compute *k = arg;

	if (!wanted(k, m->name))
		return 0;
	json_array_append_new(k->order,
			      json_pack("[s, o]", m->name, *m->empty ? json_integer(atoi(m->empty)) : json_null()));
	if (k->each || !m->expr) {
		/* on its own: the file as it is, its value column renamed by the records */
		size_t n = strlen(m->text) + 256;
		char *sql = malloc(n);
		if (!sql)
			return gg_err_oom(&c->err);
		snprintf(sql, n, "SELECT unit, value AS \"%s\" FROM (%.*s\n) AS m", m->name,
			 (int)(strrchr(m->text, ';') ? strrchr(m->text, ';') - m->text : (long)strlen(m->text)),
			 m->text);
		const char *kept = keep_sql(c, sql);
		int rc = kept ? run(c, kept, k->q, k->by_unit) : gg_err_oom(&c->err);
		free(sql);
		return rc;
	}
	json_t *g = json_object_get(k->groups, m->tail);
	if (!g)
		json_object_set_new(k->groups, m->tail, g = json_array());
	json_array_append_new(g, json_pack("[s, s]", m->name, m->expr));
	return 0;
}

/* One SELECT for every metric over the same rows: their expressions side by side. */
static int run_groups(struct gg_ctx *c, struct compute *k)
{
	const char *tail;
	json_t *g;

	json_object_foreach (k->groups, tail, g) {
		size_t n = strlen(HEAD) + strlen(tail) + 16, i;
		json_t *m;
		json_array_foreach (g, i, m)
			n += strlen(json_string_value(json_array_get(m, 1))) + 96;
		char *sql = malloc(n), *p = sql;
		if (!sql)
			return gg_err_oom(&c->err);
		p += sprintf(p, "%s", HEAD);
		json_array_foreach (g, i, m)
			p += sprintf(p, "%s\n(%s) AS \"%s\"", i ? "," : "", json_string_value(json_array_get(m, 1)),
				     json_string_value(json_array_get(m, 0)));
		sprintf(p, "\n%s", tail);
		const char *kept = keep_sql(c, sql);
		int rc = kept ? run(c, kept, k->q, k->by_unit) : gg_err_oom(&c->err);
		free(sql);
		if (rc)
			return rc;
	}
	return 0;
}

/* The units asked for, each with what lies in it: the rows every metric groups by, in a
 * unit_path of the command's own that the metrics read before the view of that name. */
static int scope(struct gg_ctx *c, const struct gg_score_scope *q)
{
	struct gg_stmt *st;

	if (gg_db_exec(c->db, gg_db_text(c->db, "score/scope-table"), &c->err) ||
	    !(st = gg_db_named(c->db, "score/scope", &c->err)))
		return c->err.code;
	bind(st, q);
	return gg_stmt_run(st, &c->err);
}

int gg_score_metrics(struct gg_ctx *c, const struct gg_score_scope *q, const char *const *names, int each, json_t **out)
{
	struct compute k = {q, names, each, json_object(), json_object(), json_array()};
	struct gg_stmt *st;
	int rc;

	*out = NULL;
	if (scope(c, q) || !(st = gg_db_named(c->db, "score/units", &c->err)))
		goto done;
	json_t *units = json_array();
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *r = json_pack("{s:s, s:s, s:s, s:s}", "unit", gg_stmt_text(st, 0), "name", gg_stmt_text(st, 1),
				      "level", q->level, "period", q->period);
		json_object_set(k.by_unit, gg_stmt_text(st, 0), r);
		json_array_append_new(units, r);
	}
	if (rc < 0 || each_metric(c, collect, &k) || run_groups(c, &k)) {
		json_decref(units);
		goto done;
	}
	/* every metric asked for in every record, in the files' order: a count without rows is 0,
	 * any other figure without them null */
	size_t i, j;
	json_t *r, *m;
	json_array_foreach (units, i, r)
		json_array_foreach (k.order, j, m) {
			const char *n = json_string_value(json_array_get(m, 0));
			json_t *v = json_incref(json_object_get(r, n));
			json_object_del(r, n);
			json_object_set_new(r, n, v ? v : json_copy(json_array_get(m, 1)));
		}
	*out = units;
done:
	json_decref(k.by_unit);
	json_decref(k.groups);
	json_decref(k.order);
	return *out ? 0 : c->err.code ? c->err.code : gg_err_set(&c->err, GG_EX_SOFTWARE, "metrics: no result");
}

int gg_score_scope_init(struct gg_ctx *c, struct gg_score_scope *q, const char *period, const char *level,
			const char *unit, const char *under)
{
	static const char *const levels[] = {"community", "street", "district", "city", NULL};
	const char *const *l;
	json_t *u = NULL;

	memset(q, 0, sizeof *q);
	q->period = period;
	q->unit = unit;
	q->under = under;
	if (gg_clock_period(period, &q->from, &q->to))
		return gg_err_set(&c->err, GG_EX_USAGE, "bad period '%s': use 2026, 2026-Q4, 2026-11 or 2026-W48",
				  period);
	gg_clock_format_date(q->from, q->from_day);
	gg_clock_format_date(q->to, q->to_day);
	if (unit || under) {
		const char *code = unit ? unit : under;
		if (gg_kind_get(c, &gg_unit_kind, json_pack("{s:s}", "code", code), &u))
			return c->err.code;
		if (!u)
			return gg_err_set(&c->err, GG_EX_DATAERR, "%s: unknown unit '%s'", unit ? "--unit" : "--under",
					  code);
	}
	q->level = unit ? json_string_value(json_object_get(u, "level")) : level ? level : "community";
	for (l = levels; *l && strcmp(*l, q->level); l++)
		;
	q->level = *l; /* a string that outlives u */
	json_decref(u);
	if (!q->level)
		return gg_err_set(&c->err, unit ? GG_EX_DATAERR : GG_EX_USAGE,
				  "%s: metrics are of a community, a street, a district or the city",
				  unit ? unit : level);
	return 0;
}

/* ---- the ticket metrics by a field of the tickets ---- */

#define TICKETS "FROM ticket t JOIN unit_path s ON s.code = t.unit AND s.ancestor_level = :level\n"

struct by_field {
	const char *key;	  /* the expression grouped by: a field of the ticket's, never the caller's text */
	const char *const *names; /* the metrics asked for, NULL: every ticket metric */
	json_t *order;		  /* [name, expr] of the ticket metrics, in the files' order */
};

static int ticket_metric(struct gg_ctx *c, struct metric *m, void *arg)
{
	struct by_field *b = arg;

	(void)c;
	if (m->expr && !strncmp(m->tail, TICKETS, strlen(TICKETS)) && asked(b->names, m->name))
		json_array_append_new(b->order, json_pack("[s, s]", m->name, m->expr));
	return 0;
}

int gg_score_ticket_metrics_by(struct gg_ctx *c, const struct gg_score_scope *q, const char *by,
			       const char *const *names, json_t **cols, json_t **out)
{
	static const char *const fields[][2] = {
		{"category", "t.category"}, {"source", "t.source"},	{"level", "t.level"},
		{"unit", "t.unit"},	    {"grid", "s.ancestor"},	{"community", "s.ancestor"},
		{"street", "s.ancestor"},   {"district", "s.ancestor"}, {0}};
	struct by_field b = {NULL, names, json_array()};
	size_t i, n = 256;
	char month[96];
	json_t *m;
	int rc;

	*out = *cols = NULL;
	for (i = 0; fields[i][0] && !b.key; i++)
		if (!strcmp(fields[i][0], by))
			b.key = fields[i][1];
	if (!strcmp(by, "month")) { /* the month it was reported in, in the calendar's zone */
		/* PostgreSQL has no strftime: to_char of the time as UTC, moved by the offset */
		if (gg_db_is_url(c->db_path))
			snprintf(month, sizeof month,
				 "to_char(to_timestamp(t.reported_at + %d) AT TIME ZONE 'UTC', 'YYYY-MM')",
				 gg_clock_offset());
		else
			snprintf(month, sizeof month, "strftime('%%Y-%%m', t.reported_at + %d, 'unixepoch')",
				 gg_clock_offset());
		b.key = month;
	}
	if (!b.key) {
		json_decref(b.order);
		return gg_err_set(
			&c->err, GG_EX_USAGE,
			"--by: category, source, level, unit, grid, community, street, district or month, not '%s'",
			by);
	}
	if ((rc = each_metric(c, ticket_metric, &b)) || (rc = scope(c, q)))
		goto done;
	/* each ticket metric's own expression, grouped by the field instead of a unit of the net */
	json_array_foreach (b.order, i, m)
		n += strlen(json_string_value(json_array_get(m, 1))) + 96;
	char *sql = malloc(n), *p = sql;
	if (!sql) {
		rc = gg_err_oom(&c->err);
		goto done;
	}
	p += sprintf(p, "SELECT %s AS \"%s\"", b.key, by);
	json_array_foreach (b.order, i, m)
		p += sprintf(p, ",\n(%s) AS \"%s\"", json_string_value(json_array_get(m, 1)),
			     json_string_value(json_array_get(m, 0)));
	sprintf(p, "\n" TICKETS "WHERE t.reported_at >= :from AND t.reported_at < :to\nGROUP BY 1 ORDER BY 1");
	const char *kept = keep_sql(c, sql);
	free(sql);
	struct gg_stmt *st = kept ? gg_db_stmt(c->db, kept, &c->err) : NULL;
	if (!st) {
		rc = kept ? c->err.code : gg_err_oom(&c->err);
		goto done;
	}
	bind(st, q);
	*out = json_array();
	while ((rc = gg_stmt_step(st, &c->err)) > 0)
		json_array_append_new(*out, gg_stmt_row(st));
	if (rc < 0) {
		json_decref(*out);
		*out = NULL;
		rc = c->err.code;
		goto done;
	}
	*cols = json_pack("[s]", by);
	json_array_foreach (b.order, i, m)
		json_array_append(*cols, json_array_get(m, 0));
done:
	json_decref(b.order);
	return rc;
}
