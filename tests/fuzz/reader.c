/* SPDX-License-Identifier: Apache-2.0 */
/* reader.c: libFuzzer target for the record reader and the emitters. Any input must end in
 * records or a clean error, never a crash, a hang or a leak; every record read is written
 * back out in every format. The first byte picks YAML (even) or JSON (odd) by the name. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "emit.h"
#include "reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gg_reader *r;
	struct gg_err err = {0};
	FILE *in, *out;
	json_t *rec;

	if (size < 1)
		return 0;
	if (!(in = fmemopen((void *)(data + 1), size - 1, "rb")))
		return 0;
	out = fopen("/dev/null", "w");
	if (gg_reader_open_stream(&r, in, data[0] & 1 ? "fuzz.json" : "fuzz.yaml", &err) == 0) {
		struct gg_emit *e[GG_FMT_DEFAULT];
		for (int f = 0; f < GG_FMT_DEFAULT; f++)
			e[f] = gg_emit_open(out, (enum gg_fmt)f, 1, NULL);
		while (gg_reader_next(r, &rec, &err) > 0) {
			for (int f = 0; f < GG_FMT_DEFAULT; f++)
				gg_emit(e[f], rec);
			json_decref(rec);
		}
		for (int f = 0; f < GG_FMT_DEFAULT; f++)
			gg_emit_close(e[f]);
		gg_reader_close(r);
	}
	fclose(out);
	fclose(in);
	return 0;
}
