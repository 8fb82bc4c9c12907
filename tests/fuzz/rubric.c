/* SPDX-License-Identifier: Apache-2.0 */
/* rubric.c: libFuzzer target for the rubric files of `gg-score appraise --rubric FILE`: the input
 * is the file, read and checked, and when it holds a rubric, every community of the test city
 * appraised by it for 2026-11 and kept, then rolled back. Any bytes must end in an appraisal or
 * a clean error, never a crash, a hang or a leak. */
#include "fuzz.h"
#include "score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[32];
	struct gg_ctx c;
	json_t *out = NULL;

	if (fuzz_file(data, size, path))
		return 0;
	fuzz_city(&c);
	if (gg_db_begin(c.db, &c.err) == 0) {
		gg_score_appraise(&c, path, "2026-11", NULL, 1, &out);
		gg_db_rollback(c.db);
	}
	json_decref(out);
	gg_ctx_free(&c);
	unlink(path);
	return 0;
}
