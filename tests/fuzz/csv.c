/* SPDX-License-Identifier: Apache-2.0 */
/* csv.c: libFuzzer target for the CSV reader and the column mapping: any bytes must end in
 * rows or a clean error, never a crash, a hang or a leak. The mapping takes the first two
 * columns of the header as title and address. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/gg-fuzz-csv-XXXXXX";
	struct gg_csv *csv;
	struct gg_err err = {0};
	json_t *row, *header = NULL;
	int fd = mkstemp(path);

	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);
	if (gg_csv_open(&csv, path, &err) == 0) {
		json_t *map = json_pack("{s:{s:i,s:i},s:{s:s},s:{}}", "fields", "title", 0, "address", 1, "defaults",
					"source", "hotline_12345", "values");
		for (int n = 0; gg_csv_next(csv, &row, &err) > 0; n++) {
			if (!header) {
				header = row;
				continue;
			}
			json_decref(gg_csv_record(map, row));
			json_decref(row);
		}
		json_decref(header);
		json_decref(map);
		gg_csv_close(csv);
	}
	unlink(path);
	return 0;
}
