/* SPDX-License-Identifier: Apache-2.0 */
/* audit.c: writing the audit chain. hash = hex SHA-256 of
 * prev "\n" at "\n" actor "\n" command "\n" change, change being compact JSON. */
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "kind.h"

static void chain_hash(const char *prev, const char *at, const char *actor, const char *command, const char *change,
		       char out[65])
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	unsigned char h[32];
	unsigned int n = 0;
	const char *parts[] = {prev, at, actor, command, change};

	EVP_DigestInit_ex(md, EVP_sha256(), NULL);
	for (int i = 0; i < 5; i++) {
		if (i)
			EVP_DigestUpdate(md, "\n", 1);
		EVP_DigestUpdate(md, parts[i], strlen(parts[i]));
	}
	EVP_DigestFinal_ex(md, h, &n);
	EVP_MD_CTX_free(md);
	for (unsigned i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", h[i]);
}

/* The audit log as a kind: read by the entity layer, kept append-only by the store
 * (share/gg/sql/004-append-only.sql); rows are written only by gg_audit, which chains them. */
const struct gg_kind gg_audit_kind = {
	.name = "audit",
	.plural = "audit",
	.flags = GG_K_APPEND,
	.fields =
		(const struct gg_field[]){
			{.name = "id", .type = GG_F_ID, .flags = GG_F_KEY},
			{.name = "at", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "actor", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "command", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "change", .type = GG_F_OBJECT, .flags = GG_F_REQUIRED},
			{.name = "prev", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "hash", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{0},
		},
};

/* Appends one row; must run inside the command's write transaction. */
int gg_audit(struct gg_ctx *c, json_t *change)
{
	struct gg_stmt *st;
	char at[32], hash[65];
	char *text;
	int rc;

	if (!c->prev_hash[0]) {
		if (!(st = gg_db_named(c->db, "audit/last", &c->err)) || (rc = gg_stmt_step(st, &c->err)) < 0)
			return c->err.code;
		snprintf(c->prev_hash, sizeof c->prev_hash, "%s", rc ? gg_stmt_text(st, 0) : "genesis");
	}
	gg_clock_format_zone(gg_clock_now(), at); /* the calendar's zone: the chain never depends on TZ */
	if (!(text = json_dumps(change, JSON_COMPACT)))
		return gg_err_oom(&c->err);
	chain_hash(c->prev_hash, at, c->actor, c->command, text, hash);
	if (!(st = gg_db_named(c->db, "audit/add", &c->err))) {
		free(text);
		return c->err.code;
	}
	gg_stmt_bind_text(st, gg_stmt_index(st, "at"), at);
	gg_stmt_bind_text(st, gg_stmt_index(st, "actor"), c->actor);
	gg_stmt_bind_text(st, gg_stmt_index(st, "command"), c->command);
	gg_stmt_bind_text(st, gg_stmt_index(st, "change"), text);
	gg_stmt_bind_text(st, gg_stmt_index(st, "prev"), c->prev_hash);
	gg_stmt_bind_text(st, gg_stmt_index(st, "hash"), hash);
	free(text);
	if (gg_stmt_run(st, &c->err))
		return c->err.code;
	memcpy(c->prev_hash, hash, sizeof hash);
	return 0;
}
