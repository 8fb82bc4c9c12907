/* SPDX-License-Identifier: Apache-2.0 */
/* sections.c: a document of two sections written in the format named by the first argument,
 * for tests/emit.bats; a second argument picks a case the emitter must refuse, an empty
 * section, or a report's head and chart. Exits 1 when a call of the emitter failed, naming it on stderr. `read FILE`
 * writes what gg's reader makes of FILE as NDJSON, to show the YAML reads back. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "reader.h"

static int failed;

static void check(int rc, const char *what)
{
	if (rc) {
		fprintf(stderr, "sections: %s failed\n", what);
		failed = 1;
	}
}

static void emit(struct gg_emit *e, json_t *rec)
{
	check(gg_emit(e, rec), "gg_emit");
	json_decref(rec);
}

/* Overdue tickets under declared columns (one has no due_at, one a field not declared),
 * then counts by unit whose columns come from the first record. */
static void report(struct gg_emit *e)
{
	static const char *const cols[] = {"id", "unit", "title", "due_at", NULL};

	check(gg_emit_section(e, "overdue", cols), "gg_emit_section overdue");
	emit(e, json_pack("{s:i, s:s, s:s, s:s, s:s}", "id", 7, "unit", "城东街道", "title", "Streetlight out, Elm St",
			  "due_at", "2026-11-20T18:00:00+08:00", "level", "district"));
	emit(e, json_pack("{s:i, s:s, s:s}", "id", 12, "unit", "Q3", "title", "no"));
	check(gg_emit_section(e, "by unit", NULL), "gg_emit_section by unit");
	emit(e, json_pack("{s:s, s:i, s:i}", "unit", "城东街道", "open", 3, "overdue", 1));
	emit(e, json_pack("{s:s, s:i, s:i}", "unit", "Q3", "open", 12, "overdue", 1));
}

/* A report's head, then the two sections, the second with a ranking chart of its units. */
static void headed(struct gg_emit *e)
{
	static const char *const values[] = {"open", "overdue", NULL};
	struct gg_chart chart = {GG_CHART_BARS, "unit", values};
	json_t *head = json_pack("{s:s, s:s, s:s, s:s, s:s, s:b, s:s}", "unit", "TZ-HL", "name", "海陵区", "period",
				 "2026-11", "previous", "2026-10", "rubric", "default", "provisional", 1, "as_of",
				 "2026-12-01T08:00:00+08:00");

	check(gg_emit_head(e, head), "gg_emit_head");
	json_decref(head);
	report(e);
	check(gg_emit_chart(e, &chart), "gg_emit_chart");
}

/* A chart of each kind: twelve months' on-time rates as a line, three communities' tickets
 * by where they were resolved stacked, and the same communities ranked by score. */
static void charts(struct gg_emit *e)
{
	static const char *const rates[] = {"on_time", "first_satisfaction", NULL};
	static const char *const levels[] = {"grid", "community", "street", "department", NULL};
	static const char *const score[] = {"score", NULL};
	static const char *const names[] = {"东进社区", "坡子街社区", "A|B <c> & \"d\""};
	struct gg_chart line = {GG_CHART_LINE, "period", rates}, stack = {GG_CHART_STACK, "name", levels},
			bars = {GG_CHART_BARS, "name", score};
	char period[32];

	check(gg_emit_section(e, "trend", NULL), "gg_emit_section trend");
	check(gg_emit_chart(e, &line), "gg_emit_chart line");
	for (int m = 1; m <= 12; m++) {
		snprintf(period, sizeof period, "2026-%02d", m);
		emit(e, json_pack("{s:s, s:f, s:f}", "period", period, "on_time", 80 + m * 1.25, "first_satisfaction",
				  90 - m * 0.5));
	}
	check(gg_emit_section(e, "resolution", NULL), "gg_emit_section resolution");
	check(gg_emit_chart(e, &stack), "gg_emit_chart stack");
	for (int i = 0; i < 3; i++)
		emit(e, json_pack("{s:s, s:i, s:i, s:i, s:i}", "name", names[i], "grid", 10 + i, "community", 5,
				  "street", 2 * i, "department", 1));
	check(gg_emit_section(e, "communities", NULL), "gg_emit_section communities");
	check(gg_emit_chart(e, &bars), "gg_emit_chart bars");
	for (int i = 0; i < 3; i++)
		emit(e, json_pack("{s:i, s:s, s:f}", "rank", i + 1, "name", names[i], "score", 95.5 - i * 10.25));
}

/* A section with declared columns and no rows, one with neither, then one row. */
static void empty(struct gg_emit *e)
{
	static const char *const cols[] = {"id", "title", NULL};

	check(gg_emit_section(e, "declared", cols), "gg_emit_section declared");
	check(gg_emit_section(e, "bare", NULL), "gg_emit_section bare");
	check(gg_emit_section(e, "last", NULL), "gg_emit_section last");
	emit(e, json_pack("{s:i}", "id", 1));
}

static int read_back(const char *path)
{
	struct gg_err err = {0};
	struct gg_reader *r;
	struct gg_emit *e;
	json_t *rec;
	int rc;

	if (gg_reader_open(&r, path, &err)) {
		fprintf(stderr, "sections: %s\n", err.msg);
		return 1;
	}
	e = gg_emit_open(stdout, GG_FMT_NDJSON, 1, NULL);
	while ((rc = gg_reader_next(r, &rec, &err)) > 0)
		emit(e, rec);
	if (rc < 0)
		fprintf(stderr, "sections: %s\n", err.msg);
	check(gg_emit_close(e), "gg_emit_close");
	gg_reader_close(r);
	return rc < 0 || failed;
}

int main(int argc, char **argv)
{
	const char *c = argc > 2 ? argv[2] : "report";
	enum gg_fmt fmt;
	struct gg_emit *e;

	setlocale(LC_CTYPE, "C.UTF-8"); /* as the tools do: a table measures CJK by display width */
	if (argc == 3 && !strcmp(argv[1], "read"))
		return read_back(argv[2]);
	if (argc < 2 || gg_emit_fmt_parse(argv[1], &fmt)) {
		fprintf(stderr, "usage: sections FORMAT "
				"[report|empty|late|twice|own|head|charts|names|head-only|head-late|head-record|head-"
				"report|chart-"
				"bare] | sections read FILE\n");
		return 2;
	}
	e = gg_emit_open(stdout, fmt, 1, NULL);
	if (!strcmp(c, "empty"))
		empty(e);
	else if (!strcmp(c, "late")) { /* a record, then a section it cannot belong to */
		emit(e, json_pack("{s:i}", "id", 1));
		check(gg_emit_section(e, "late", NULL), "gg_emit_section late");
	} else if (!strcmp(c, "twice")) {
		check(gg_emit_section(e, "a", NULL), "gg_emit_section a");
		check(gg_emit_section(e, "a", NULL), "gg_emit_section a again");
	} else if (!strcmp(c, "own")) { /* a record with a field named section */
		check(gg_emit_section(e, "a", NULL), "gg_emit_section a");
		emit(e, json_pack("{s:i, s:s}", "id", 1, "section", "mine"));
	} else if (!strcmp(c, "head"))
		headed(e);
	else if (!strcmp(c, "charts"))
		charts(e);
	else if (!strcmp(c, "names")) { /* names a spreadsheet must shorten, clean and tell apart */
		static const char *const names[] = {"a section whose name is longer than thirty-one characters",
						    "A SECTION WHOSE NAME IS LONGER THAN THIRTY-ONE CHARACTERS, TOO",
						    "x/y:z [1]",
						    "社区党组织群众满意度测评结果及整改情况一览表（第四季度）", NULL};
		for (int i = 0; names[i]; i++) {
			check(gg_emit_section(e, names[i], NULL), "gg_emit_section");
			emit(e, json_pack("{s:i}", "id", i));
		}
	} else if (!strcmp(c, "head-only")) { /* a head and no section */
		json_t *head = json_pack("{s:s, s:s}", "unit", "TZ", "period", "2026-11");
		check(gg_emit_head(e, head), "gg_emit_head");
		json_decref(head);
	} else if (!strcmp(c, "head-late")) { /* a head after a section began */
		json_t *head = json_pack("{s:s}", "unit", "TZ");
		check(gg_emit_section(e, "a", NULL), "gg_emit_section a");
		check(gg_emit_head(e, head), "gg_emit_head");
		json_decref(head);
	} else if (!strcmp(c, "head-record")) { /* a record after a head, outside any section */
		json_t *head = json_pack("{s:s}", "unit", "TZ");
		check(gg_emit_head(e, head), "gg_emit_head");
		json_decref(head);
		emit(e, json_pack("{s:i}", "id", 1));
	} else if (!strcmp(c, "head-report")) { /* a section named as the head's key */
		json_t *head = json_pack("{s:s}", "unit", "TZ");
		check(gg_emit_head(e, head), "gg_emit_head");
		json_decref(head);
		check(gg_emit_section(e, "report", NULL), "gg_emit_section report");
	} else if (!strcmp(c, "chart-bare")) { /* a chart before any section */
		static const char *const values[] = {"open", NULL};
		struct gg_chart chart = {GG_CHART_LINE, "unit", values};
		check(gg_emit_chart(e, &chart), "gg_emit_chart");
	} else
		report(e);
	check(gg_emit_close(e), "gg_emit_close");
	return failed;
}
