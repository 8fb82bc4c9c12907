/* SPDX-License-Identifier: Apache-2.0 */
/* address.c: libFuzzer target for the address normaliser and the resolver built on it: the
 * input is an address (a ticket's, `gg-org resolve ADDRESS`), put in normal form and resolved
 * against the test city, with the city's, district's and street's names and the entrance,
 * floor and room stripped. Any bytes must give a building, none or an error, never a crash. */
#include "fuzz.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_text(data, size), *norm;
	struct gg_ctx c;
	json_t *hit = NULL;

	if (!s)
		return 0;
	fuzz_city(&c);
	free(norm = gg_text_norm_address(s));
	gg_org_resolve(&c, s, &hit);
	json_decref(hit);
	gg_ctx_free(&c);
	free(s);
	return 0;
}
