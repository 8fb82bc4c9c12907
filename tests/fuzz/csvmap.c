/* SPDX-License-Identifier: Apache-2.0 */
/* csvmap.c: libFuzzer target for the mapping file of `gg-ticket import --from csv --map FILE`:
 * the bytes before the first NUL are the mapping, those after it the CSV export (without a NUL,
 * a hotline header and one row). Read as import_csv reads them: the header, the mapping checked
 * against it, each row made a record and taken in as a ticket on the test city with the built-in
 * categories, rolled back. Any input must end in tickets or a clean error, never a crash, a
 * hang or a leak. */
#include "csv.h"
#include "embed.h"
#include "fuzz.h"
#include "kind.h"
#include "ticket.h"

static const char export[] = "工单编号,受理时间,诉求分类,诉求标题,诉求内容,事发地址\n"
			     "2026110300123,2026/11/03 09:12,市容环境/垃圾堆放,楼道堆放杂物,杂物,东进路12号3幢\n";

/* The built-in catalogue (gg-ticket category import --builtin) into the test city, once. */
static void catalogue(struct gg_ctx *c)
{
	static int done;
	const char *text = gg_embed_get("categories.yaml");
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	struct gg_reader *r;
	json_t *doc = NULL, *x;
	enum gg_put what;
	size_t i;
	int rc;

	if (done++)
		return;
	rc = !f || gg_reader_open_stream(&r, f, "categories.yaml", &c->err) || gg_reader_next(r, &doc, &c->err) <= 0 ||
	     gg_db_begin(c->db, &c->err);
	json_array_foreach (json_object_get(doc, "departments"), i, x)
		rc = rc || gg_kind_put(c, &gg_dept_kind, x, NULL, 0, &what, NULL);
	json_array_foreach (json_object_get(doc, "categories"), i, x)
		rc = rc || gg_kind_put(c, &gg_category_kind, x, NULL, 0, &what, NULL);
	if (rc || gg_db_commit(c->db, &c->err)) {
		fprintf(stderr, "fuzz: no catalogue: %s\n", c->err.msg);
		exit(70);
	}
	json_decref(doc);
	gg_reader_close(r);
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, '\0', size);
	size_t nmap = nul ? (size_t)(nul - data) : size;
	char map_path[32], csv_path[32];
	struct gg_ctx c;
	struct gg_csv *csv;
	struct gg_intake in = {0};
	json_t *header = NULL, *map = NULL, *row;
	json_int_t id;

	if (fuzz_file(data, nmap, map_path))
		return 0;
	if (nul ? fuzz_file(nul + 1, size - nmap - 1, csv_path)
		: fuzz_file((const uint8_t *)export, sizeof export - 1, csv_path)) {
		unlink(map_path);
		return 0;
	}
	fuzz_city(&c);
	catalogue(&c);
	if (gg_csv_open(&csv, csv_path, &c.err) == 0) {
		if (gg_csv_next(csv, &header, &c.err) > 0 && gg_csv_mapping(map_path, header, csv, &map, &c.err) == 0 &&
		    gg_db_begin(c.db, &c.err) == 0) {
			for (int n; (n = gg_csv_next(csv, &row, &c.err)) != 0;) {
				if (n < 0) {
					if (!gg_csv_whole(csv))
						break;
					continue;
				}
				json_t *rec = gg_csv_record(map, row);
				gg_ticket_intake(&c, rec, NULL, &in, &id);
				json_decref(rec);
				json_decref(row);
			}
			gg_db_rollback(c.db);
		}
		json_decref(header);
		json_decref(map);
		gg_csv_close(csv);
	}
	gg_ctx_free(&c);
	unlink(map_path);
	unlink(csv_path);
	return 0;
}
