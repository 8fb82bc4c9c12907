/* SPDX-License-Identifier: Apache-2.0 */
/* ctx.c: the memo of a command's context: blocks found by name, so a command that meets the
 * same category or unit a million times reads it once, and nothing outlives the command; and
 * what a reveal showed, for its audit row. */
#include <stdint.h>
#include <stdlib.h>

#include "ctx.h"

void *gg_ctx_memo(struct gg_ctx *c, const char *name, size_t size, int *fresh)
{
	json_t *hit;
	void *p;

	*fresh = 0;
	if (!c->memo && !(c->memo = json_object()))
		return NULL;
	if ((hit = json_object_get(c->memo, name)))
		return (void *)(intptr_t)json_integer_value(hit);
	if (!(p = calloc(1, size ? size : 1)))
		return NULL;
	if (json_object_set_new(c->memo, name, json_integer((json_int_t)(intptr_t)p))) {
		free(p);
		return NULL;
	}
	*fresh = 1;
	return p;
}

void gg_ctx_free(struct gg_ctx *c)
{
	const char *k;
	json_t *v;

	json_object_foreach (c->memo, k, v)
		free((void *)(intptr_t)json_integer_value(v));
	json_decref(c->memo);
	c->memo = NULL;
	json_decref(c->hooks);
	c->hooks = NULL;
	free(c->command);
	c->command = NULL;
	free((void *)c->dbs); /* the list, not the paths: those are argv's */
	c->dbs = NULL;
	c->ndbs = 0;
	json_decref(c->revealed);
	c->revealed = NULL;
}

void gg_ctx_revealed(struct gg_ctx *c, const char *kind, json_t *key, json_t *fields)
{
	if (!json_array_size(fields)) {
		json_decref(fields);
		return;
	}
	if (c->nrevealed++ >= GG_REVEAL_KEYS) { /* a list of the whole city is counted, not listed */
		json_decref(fields);
		return;
	}
	if (!c->revealed)
		c->revealed = json_array();
	json_array_append_new(c->revealed, json_pack("{s:s,s:O,s:o}", "kind", kind, "key", key, "fields", fields));
}
