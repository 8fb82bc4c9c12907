/* SPDX-License-Identifier: Apache-2.0 */
/* weights.c: libFuzzer target for the weights file of `gg-volunteer match` (GG_MATCH_WEIGHTS):
 * the input is the file, read and checked as match reads it, and when it holds weights, the
 * test city's volunteers ranked by them for an order of a community. Any bytes must end in a
 * ranking or a clean error, never a crash, a hang or a leak. */
#include "fuzz.h"
#include "volunteer.h"

static json_int_t order;
static char named[] = "/tmp/gg-fuzz-weights-XXXXXX";
static int named_ready;

static void gone(void)
{
	unlink(named);
}

static int none(struct gg_ctx *c, json_t *rec, void *arg)
{
	(void)c, (void)rec, (void)arg;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[32];
	struct gg_ctx c;

	if (fuzz_file(data, size, path))
		return 0;
	fuzz_city(&c);
	if (!order) {
		json_t *rec = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s}", "community", "TZ-HL-CZ-01", "requester_name",
					"张大爷", "requester_phone", "13912345678", "need", "elderly_care", "title",
					"陪同就医", "wanted_at", "2026-11-28T09:00:00+08:00");
		if (gg_db_begin(c.db, &c.err) || gg_volunteer_order_new(&c, rec, &order) ||
		    gg_db_commit(c.db, &c.err)) {
			fprintf(stderr, "fuzz: no order: %s\n", c.err.msg);
			exit(70);
		}
		json_decref(rec);
	}
	/* one name for every input (never one GG_MATCH_WEIGHTS named already): each setenv of a new
	 * one would keep the old (glibc does), a growing heap that has libFuzzer look for leaks
	 * after every run */
	if (!named_ready++) {
		close(mkstemp(named));
		setenv("GG_MATCH_WEIGHTS", named, 1);
		atexit(gone);
	}
	rename(path, named);
	gg_volunteer_match(&c, order, 5, none, NULL);
	gg_ctx_free(&c);
	return 0;
}
