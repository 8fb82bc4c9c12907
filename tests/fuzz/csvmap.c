/* SPDX-License-Identifier: Apache-2.0 */
/* csvmap.c: libFuzzer target for the mapping file of `gg-ticket import --from csv --map FILE`:
 * the bytes before the first NUL are the mapping, those after it the CSV export (without a NUL,
 * a hotline header and one row). Read as import_csv reads them: the header, the mapping checked
 * against it, each row made a record and taken in as a ticket on the test city, rolled back.
 * Any input must end in tickets or a clean error, never a crash, a hang or a leak. */
#include "csv.h"
#include "fuzz.h"
#include "ticket.h"

static const char export[] = "工单编号,受理时间,诉求分类,诉求标题,诉求内容,事发地址\n"
			     "2026110300123,2026/11/03 09:12,市容环境/垃圾堆放,楼道堆放杂物,杂物,东进路12号3幢\n";

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
