/* SPDX-License-Identifier: Apache-2.0 */
/* score-social.c: community social organisations (社区社会组织): who they are (their unified
 * social credit code checked by GB 32100's check character), the funding they receive, and
 * their ratings (评星定级) on three weighted dimensions with stars from cut-offs
 * (share/gg/score/social-org.yaml), kept append-only so every up- and downgrade stays on
 * record with the scores behind it (动态调整). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "org.h"
#include "reader.h"
#include "score.h"

static const char *const org_kinds[] = {"service", "public_welfare", "mutual_aid", NULL};
const char *const gg_score_social_funding_kinds[] = {"purchase", "subsidy", "project", NULL};
static const char *const changes[] = {"first", "up", "down", "same", NULL};

/* The characters of a unified social credit code, each worth its place: 0-9 and A-Y but I, O,
 * S, V and Z (GB 32100-2015, table 1). */
static const char credit_chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static const char *text(json_t *rec, const char *field)
{
	return json_string_value(json_object_get(rec, field));
}

static json_int_t num(json_t *rec, const char *field)
{
	return json_integer_value(json_object_get(rec, field));
}

/* 0 when s is a unified social credit code with the check character GB 32100 gives, 1 when
 * it has another (*want is the right one), -1 when it is not 18 characters of the code's. */
static int credit(const char *s, char *want)
{
	int v[18], sum = 0, w = 1, r;

	if (strlen(s) != 18)
		return -1;
	for (int i = 0; i < 18; i++) {
		const char *p = strchr(credit_chars, s[i]);
		if (!p)
			return -1;
		v[i] = (int)(p - credit_chars);
	}
	for (int i = 0; i < 17; i++, w = w * 3 % 31) /* the weight of place i is 3^i mod 31 */
		sum += v[i] * w;
	r = 31 - sum % 31;
	*want = credit_chars[r == 31 ? 0 : r];
	return s[17] == *want ? 0 : 1;
}

/* A credit code in field `field` of rec: 65 naming the field when it is not one, or when its
 * check character is not the one GB 32100 gives. */
static int credit_ok(struct gg_ctx *c, const struct gg_src *src, json_t *rec, const char *field, const char *s)
{
	char want;
	int rc = credit(s, &want);

	if (rc < 0)
		return gg_kind_fail(c, src, rec, field,
				    "'%s' is not a unified social credit code (GB 32100): 18 characters of 0-9 and "
				    "A-Y but I, O, S and V",
				    s);
	if (rc > 0)
		return gg_kind_fail(c, src, rec, field, "'%s' has the check character '%c' where GB 32100 gives '%c'",
				    s, s[17], want);
	return 0;
}

/* A code of 18 characters of a credit code's alphabet is taken for a credit code: the
 * organisation's code is its credit code where it has one (DESIGN.md, section 4). */
static int looks_like_credit(const char *s)
{
	return s && strlen(s) == 18 && strspn(s, credit_chars) == 18;
}

/* The credit code: upper case as printed, its check character right, the code's own when the
 * code is one, and no other organisation's. */
static int org_check(struct gg_ctx *c, const struct gg_kind *k, json_t *rec, json_t *old, const struct gg_src *src)
{
	const char *code = text(rec, "code"), *credit = text(rec, "credit_code");
	struct gg_stmt *st;
	int rc;

	(void)k;
	(void)old;
	if (credit) {
		char up[64];
		size_t i;
		for (i = 0; credit[i] && i + 1 < sizeof up; i++)
			up[i] = credit[i] >= 'a' && credit[i] <= 'z' ? (char)(credit[i] - 'a' + 'A') : credit[i];
		up[i] = '\0';
		json_object_set_new(rec, "credit_code", json_string(up));
		credit = text(rec, "credit_code");
		if (credit_ok(c, src, rec, "credit_code", credit))
			return c->err.code;
	}
	if (looks_like_credit(code)) {
		if (credit_ok(c, src, rec, "code", code))
			return c->err.code;
		if (!credit)
			json_object_set_new(rec, "credit_code", json_string(code));
		else if (strcmp(code, credit))
			return gg_kind_fail(c, src, rec, "credit_code",
					    "'%s' differs from the code '%s', itself a unified social credit code",
					    credit, code);
		credit = text(rec, "credit_code");
	}
	if (!credit)
		return 0;
	if (!(st = gg_db_named(c->db, "social-org/credit", &c->err)))
		return c->err.code;
	gg_stmt_bind_text(st, gg_stmt_index(st, "credit_code"), credit);
	gg_stmt_bind_text(st, gg_stmt_index(st, "code"), code);
	if ((rc = gg_stmt_step(st, &c->err)) < 0)
		return c->err.code;
	if (rc > 0)
		return gg_kind_fail(c, src, rec, "credit_code", "'%s' is the credit code of '%s' already", credit,
				    gg_stmt_text(st, 0));
	return 0;
}

const struct gg_kind gg_social_org_kind = {
	.name = "social-org",
	.plural = "social_orgs",
	.fields =
		(const struct gg_field[]){
			{.name = "code", .type = GG_F_CODE, .flags = GG_F_KEY | GG_F_REQUIRED},
			{.name = "name", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "kind", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = org_kinds},
			{.name = "community",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_unit_kind,
			 .ref_level = "community",
			 .what = "social organisations"},
			{.name = "has_party_org", .type = GG_F_BOOL},
			{.name = "credit_code", .type = GG_F_CODE},
			{.name = "founded", .type = GG_F_DATE},
			{.name = "contact", .type = GG_F_TEXT, .flags = GG_F_PERSONAL}, /* a phone: masked */
			{0},
		},
	.check = org_check,
};

/* Funding records are written by gg_score_social_fund only, append-only. */
const struct gg_kind gg_social_funding_kind = {
	.name = "social-funding",
	.plural = "social_fundings",
	.flags = GG_K_APPEND,
	.fields =
		(const struct gg_field[]){
			{.name = "id", .type = GG_F_ID, .flags = GG_F_KEY},
			{.name = "org",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_social_org_kind,
			 .what = "funding records"},
			{.name = "kind",
			 .type = GG_F_ENUM,
			 .flags = GG_F_REQUIRED,
			 .choices = gg_score_social_funding_kinds},
			{.name = "fen", .type = GG_F_INT, .flags = GG_F_REQUIRED | GG_F_SIGNED},
			{.name = "date", .type = GG_F_DATE, .flags = GG_F_REQUIRED},
			{.name = "note", .type = GG_F_TEXT},
			{.name = "reverses", .type = GG_F_INT},
			{.name = "at", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{0},
		},
};

/* Ratings are written by gg_score_social_rate only, append-only. */
const struct gg_kind gg_social_rating_kind = {
	.name = "social-rating",
	.plural = "social_ratings",
	.flags = GG_K_APPEND,
	.fields =
		(const struct gg_field[]){
			{.name = "id", .type = GG_F_ID, .flags = GG_F_KEY},
			{.name = "org",
			 .type = GG_F_REF,
			 .flags = GG_F_REQUIRED,
			 .ref = &gg_social_org_kind,
			 .what = "ratings"},
			{.name = "period", .type = GG_F_TEXT, .flags = GG_F_REQUIRED},
			{.name = "organisation", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{.name = "credibility", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{.name = "efficiency", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{.name = "w_organisation", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{.name = "w_credibility", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{.name = "w_efficiency", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{.name = "points", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{.name = "earned", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{.name = "stars", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{.name = "has_party_org", .type = GG_F_BOOL},
			{.name = "previous", .type = GG_F_INT},
			{.name = "change", .type = GG_F_ENUM, .flags = GG_F_REQUIRED, .choices = changes},
			{.name = "replaces", .type = GG_F_INT},
			{.name = "note", .type = GG_F_TEXT},
			{.name = "at", .type = GG_F_INT, .flags = GG_F_REQUIRED},
			{0},
		},
};

/* ---- shared by the readers ---- */

/* A number as a record shows it: whole when it is, else with its two decimals. */
static json_t *hundredths(json_int_t n)
{
	if (n % 100 == 0)
		return json_integer(n / 100);
	return json_real((double)n / 100);
}

static void bind_filter(struct gg_stmt *st, json_t *filter)
{
	const char *k;
	json_t *v;

	json_object_foreach (filter, k, v)
		gg_stmt_bind_name(st, k, v);
}

/* The organisation named, or 65 saying there is none. */
static int org_get(struct gg_ctx *c, const char *code, json_t **org)
{
	if (gg_kind_get(c, &gg_social_org_kind, json_pack("{s:s}", "code", code), org))
		return c->err.code;
	if (!*org)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no social organisation '%s'", code);
	return 0;
}

/* Copies the fields named from one record to another, in that order, those it has. */
static void copy(json_t *to, json_t *from, const char *const *names)
{
	json_t *v;

	for (int i = 0; names[i]; i++)
		if ((v = json_object_get(from, names[i])))
			json_object_set(to, names[i], v);
}

/* ---- funding ---- */

/* Yuan as typed (12000, 1234.5, 1234.56) in whole fen, read exactly: -1 when it is not such
 * a number, or holds more than two decimals or more yuan than anyone is paid. */
static int yuan_to_fen(const char *s, json_int_t *fen)
{
	size_t whole = strspn(s, "0123456789"), dot = s[whole] == '.',
	       frac = dot ? strspn(s + whole + 1, "0123456789") : 0;
	json_int_t f = 0;

	if (!whole || whole > 12 || (dot && (frac == 0 || frac > 2)) || s[whole + dot + frac])
		return -1;
	for (size_t i = 0; i < whole; i++)
		f = f * 10 + (s[i] - '0');
	f *= 100;
	if (frac >= 1)
		f += (s[whole + 1] - '0') * 10;
	if (frac == 2)
		f += s[whole + 2] - '0';
	*fen = f;
	return 0;
}

/* A funding record as shown: its amount in yuan, its time in ISO 8601, its note masked. */
static json_t *funding_shown(struct gg_ctx *c, json_t *row)
{
	static const char *const head[] = {"id", "org", "name", "community", "kind", NULL};
	static const char *const tail[] = {"date", "note", "reverses", NULL};
	json_t *out = json_object();
	char at[32];

	copy(out, row, head);
	json_object_set_new(out, "amount", hundredths(num(row, "fen")));
	copy(out, row, tail);
	gg_clock_format(num(row, "at"), at);
	json_object_set_new(out, "at", json_string(at));
	gg_kind_mask(c, &gg_social_funding_kind, out);
	return out;
}

/* The funding record `id` as shown, with its organisation's name and community. */
static int funding_row(struct gg_ctx *c, json_int_t id, json_t **out)
{
	json_t *row = NULL, *org = NULL;

	*out = NULL;
	if (gg_kind_get(c, &gg_social_funding_kind, json_pack("{s:I}", "id", id), &row))
		return c->err.code;
	if (!row)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no funding record %lld", (long long)id);
	if (gg_kind_get(c, &gg_social_org_kind, json_pack("{s:O}", "code", json_object_get(row, "org")), &org)) {
		json_decref(row);
		return c->err.code;
	}
	copy(row, org, (const char *const[]){"name", "community", NULL});
	*out = funding_shown(c, row);
	json_decref(org);
	json_decref(row);
	return 0;
}

static int funding_add(struct gg_ctx *c, json_t *row, json_t **out)
{
	json_t *stored = NULL;
	enum gg_put what;
	int rc;

	json_object_set_new(row, "at", json_integer(gg_clock_now()));
	if ((rc = gg_kind_put(c, &gg_social_funding_kind, row, NULL, -1, &what, &stored)))
		return rc;
	rc = funding_row(c, num(stored, "id"), out);
	json_decref(stored);
	return rc;
}

int gg_score_social_fund(struct gg_ctx *c, json_t *args, json_t **out)
{
	const char *amount = text(args, "amount");
	json_t *org = NULL, *row;
	json_int_t fen;
	int rc;

	*out = NULL;
	if (yuan_to_fen(amount, &fen))
		return gg_err_set(&c->err, GG_EX_DATAERR,
				  "--amount: '%s' is not an amount of yuan (12000, or 1234.56: two decimals at most)",
				  amount);
	if (fen == 0)
		return gg_err_set(&c->err, GG_EX_DATAERR,
				  "--amount: an amount is more than 0 (a wrong record is taken back with --reverse)");
	if (org_get(c, text(args, "org"), &org))
		return c->err.code;
	json_decref(org);
	row = json_pack("{s:O,s:O,s:I,s:O}", "org", json_object_get(args, "org"), "kind", json_object_get(args, "kind"),
			"fen", fen, "date", json_object_get(args, "date"));
	if (json_object_get(args, "note"))
		json_object_set(row, "note", json_object_get(args, "note"));
	rc = funding_add(c, row, out);
	json_decref(row);
	return rc;
}

int gg_score_social_unfund(struct gg_ctx *c, json_int_t id, const char *reason, json_t **out)
{
	struct gg_stmt *st;
	json_t *was = NULL, *row;
	int rc;

	*out = NULL;
	if (gg_kind_get(c, &gg_social_funding_kind, json_pack("{s:I}", "id", id), &was))
		return c->err.code;
	if (!was)
		return gg_err_set(&c->err, GG_EX_DATAERR, "no funding record %lld", (long long)id);
	if (json_object_get(was, "reverses")) {
		rc = gg_err_set(&c->err, GG_EX_DATAERR,
				"funding record %lld reverses record %lld: a reversal is not reversed", (long long)id,
				(long long)num(was, "reverses"));
		json_decref(was);
		return rc;
	}
	if (!(st = gg_db_named(c->db, "social-funding/reversed", &c->err)) ||
	    (gg_stmt_bind_int(st, gg_stmt_index(st, "id"), id), (rc = gg_stmt_step(st, &c->err))) < 0) {
		json_decref(was);
		return c->err.code;
	}
	if (rc > 0) {
		rc = gg_err_set(&c->err, GG_EX_DATAERR, "funding record %lld was reversed already, by record %lld",
				(long long)id, (long long)gg_stmt_int(st, 0));
		json_decref(was);
		return rc;
	}
	/* the same day as the record taken back, so that a period's sum nets to nothing */
	row = json_pack("{s:O,s:O,s:I,s:O,s:s,s:I}", "org", json_object_get(was, "org"), "kind",
			json_object_get(was, "kind"), "fen", -num(was, "fen"), "date", json_object_get(was, "date"),
			"note", reason, "reverses", id);
	rc = funding_add(c, row, out);
	json_decref(row);
	json_decref(was);
	return rc;
}

/* fn on each row of the list query name keeps, as shown: the organisations and the unit the
 * filter names checked first (a typing error is not an empty list). */
static int each_shown(struct gg_ctx *c, const char *name, json_t *filter, json_t *(*shown)(struct gg_ctx *, json_t *),
		      int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	struct gg_stmt *st;
	json_t *x;
	size_t i;
	int rc;

	json_array_foreach (json_object_get(filter, "org"), i, x) {
		json_t *org = NULL;
		if (org_get(c, json_string_value(x), &org))
			return c->err.code;
		json_decref(org);
	}
	if (gg_org_unit_known(c, "--under", text(filter, "under")) || !(st = gg_db_named(c->db, name, &c->err)))
		return c->err.code;
	bind_filter(st, filter);
	while ((rc = gg_stmt_step(st, &c->err)) > 0) {
		json_t *row = gg_stmt_row(st), *out = shown(c, row);
		rc = fn(c, out, arg);
		json_decref(row);
		json_decref(out);
		if (rc)
			return rc;
	}
	return rc < 0 ? c->err.code : 0;
}

int gg_score_social_funding(struct gg_ctx *c, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	return each_shown(c, "social-funding/list", filter, funding_shown, fn, arg);
}

/* ---- the rules of a rating: share/gg/score/social-org.yaml ---- */

enum { ORGANISATION, CREDIBILITY, EFFICIENCY, NDIMS };
static const char *const dims[NDIMS] = {"organisation", "credibility", "efficiency"};
#define MAX_STARS 5

struct rules {
	int ready;
	int w[NDIMS];	     /* whole weights, summing to 100 */
	int levels;	     /* how many star levels: 1 to 5 */
	int from[MAX_STARS]; /* the least total of each, in points (the total × 100) */
	int party_org_for_5; /* without a Party organisation: 4 stars at most */
};

static int read_weights(struct gg_ctx *c, struct gg_reader *r, json_t *doc, struct rules *ru)
{
	json_t *ws = json_object_get(doc, "weights"), *v;
	const char *key;
	int sum = 0;

	if (!json_is_object(ws))
		return gg_reader_fail(
			r, &c->err, doc, ws ? "weights" : NULL,
			"weights: a mapping of organisation, credibility and efficiency to whole numbers");
	json_object_foreach (ws, key, v) {
		int d = 0;
		while (d < NDIMS && strcmp(dims[d], key))
			d++;
		if (d == NDIMS)
			return gg_reader_fail(r, &c->err, ws, key,
					      "weights: no dimension '%s' (organisation, credibility, efficiency)",
					      key);
		if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 100)
			return gg_reader_fail(r, &c->err, ws, key, "weights: %s: a whole number from 0 to 100", key);
		ru->w[d] = (int)json_integer_value(v);
		sum += ru->w[d];
	}
	for (int d = 0; d < NDIMS; d++)
		if (!json_object_get(ws, dims[d]))
			return gg_reader_fail(r, &c->err, doc, "weights", "weights: no weight for %s", dims[d]);
	if (sum != 100)
		return gg_reader_fail(r, &c->err, doc, "weights", "weights: they sum to %d, not 100", sum);
	return 0;
}

static int read_levels(struct gg_ctx *c, struct gg_reader *r, json_t *doc, struct rules *ru)
{
	json_t *list = json_object_get(doc, "stars"), *x, *from;
	size_t i;

	if (!json_is_array(list) || !json_array_size(list) || json_array_size(list) > MAX_STARS)
		return gg_reader_fail(r, &c->err, doc, list ? "stars" : NULL,
				      "stars: a list of 1 to 5 levels, {stars: N, from: TOTAL}");
	json_array_foreach (list, i, x) {
		from = json_object_get(x, "from");
		if (num(x, "stars") != (json_int_t)i + 1 || !json_is_integer(from) || json_integer_value(from) < 0 ||
		    json_integer_value(from) > 100 || (i == 0 && json_integer_value(from) != 0) ||
		    (i > 0 && json_integer_value(from) * 100 <= ru->from[i - 1]))
			return gg_reader_fail_i(r, &c->err, list, i,
						"stars: level %zu: levels go up one star at a time from 1 star at 0, "
						"each from a higher whole total up to 100",
						i + 1);
		ru->from[i] = (int)json_integer_value(from) * 100;
	}
	ru->levels = (int)json_array_size(list);
	return 0;
}

static int read_rules(struct gg_ctx *c, struct gg_reader *r, struct rules *ru)
{
	json_t *doc = NULL, *v;
	const char *key;
	int n = gg_reader_next(r, &doc, &c->err), rc = 0;

	if (n <= 0)
		return n < 0 ? c->err.code
			     : gg_err_set(&c->err, GG_EX_DATAERR, "%s: no rules in it", gg_reader_name(r));
	if (!json_is_object(doc))
		rc = gg_reader_fail(r, &c->err, doc, NULL,
				    "the rules are a mapping: weights, stars, party_org_for_5_stars");
	json_object_foreach (doc, key, v)
		if (!rc && strcmp(key, "weights") && strcmp(key, "stars") && strcmp(key, "party_org_for_5_stars"))
			rc = gg_reader_fail(r, &c->err, doc, key,
					    "%s: no such rule (weights, stars, party_org_for_5_stars)", key);
	if (!rc)
		rc = read_weights(c, r, doc, ru);
	if (!rc)
		rc = read_levels(c, r, doc, ru);
	v = json_object_get(doc, "party_org_for_5_stars");
	if (!rc && !json_is_boolean(v))
		rc = gg_reader_fail(r, &c->err, doc, v ? "party_org_for_5_stars" : NULL,
				    "party_org_for_5_stars: true or false");
	ru->party_org_for_5 = json_is_true(v);
	json_decref(doc);
	return rc;
}

/* The rules, read once per command: GG_SOCIAL_ORG_RATING's file, else the one built in. */
static const struct rules *rules(struct gg_ctx *c)
{
	const char *path = getenv("GG_SOCIAL_ORG_RATING");
	struct gg_reader *r;
	struct rules *ru;
	int fresh, rc;

	if (!(ru = gg_ctx_memo(c, "social-org:rules", sizeof *ru, &fresh)))
		return gg_err_oom(&c->err), NULL;
	if (ru->ready)
		return ru;
	rc = path && *path ? gg_reader_open(&r, path, &c->err)
			   : gg_reader_open_embed(&r, "score/social-org.yaml", &c->err);
	if (!rc) {
		gg_reader_keep(r, 1);
		rc = read_rules(c, r, ru);
		gg_reader_close(r);
	}
	if (rc)
		return NULL;
	ru->ready = 1;
	return ru;
}

/* ---- ratings ---- */

/* A score as typed: a whole number from 0 to 100, else 65 naming its option. */
static int score_of(struct gg_ctx *c, const char *dim, const char *s, int *out)
{
	size_t n = s ? strspn(s, "0123456789") : 0;

	if (!n || s[n] || n > 3 || (*out = atoi(s)) > 100)
		return gg_err_set(&c->err, GG_EX_DATAERR, "--%s: a score is a whole number from 0 to 100, not '%s'",
				  dim, s ? s : "");
	return 0;
}

/* A rating as shown: the organisation's name and community, the scores, the weights they were
 * weighed by, the total, the stars earned and held, and the change from the rating before. */
static json_t *rating_shown(struct gg_ctx *c, json_t *row)
{
	static const char *const head[] = {"id",	   "org",	  "name",	"community", "period",
					   "organisation", "credibility", "efficiency", NULL};
	static const char *const tail[] = {"has_party_org", "previous", "change", "replaces", "note", NULL};
	json_t *out = json_object();
	char at[32];

	copy(out, row, head);
	json_object_set_new(out, "weights",
			    json_pack("{s:I,s:I,s:I}", "organisation", num(row, "w_organisation"), "credibility",
				      num(row, "w_credibility"), "efficiency", num(row, "w_efficiency")));
	/* points are Σ score × weight with weights summing to 100: the total × 100 */
	json_object_set_new(out, "total", hundredths(num(row, "points")));
	copy(out, row, (const char *const[]){"earned", "stars", NULL});
	json_object_set_new(out, "capped", json_boolean(num(row, "stars") < num(row, "earned")));
	copy(out, row, tail);
	gg_clock_format(num(row, "at"), at);
	json_object_set_new(out, "at", json_string(at));
	gg_kind_mask(c, &gg_social_rating_kind, out);
	return out;
}

/* The organisation's latest rating and its latest of `period` (ids 0 when none). */
struct before {
	json_int_t last_id, last_stars, period_id, period_stars;
	char last_period[32];
};

static int rated_before(struct gg_ctx *c, const char *org, const char *period, struct before *b)
{
	struct gg_stmt *st = gg_db_named(c->db, "social-rating/latest", &c->err);

	if (!st)
		return c->err.code;
	gg_stmt_bind_text(st, gg_stmt_index(st, "org"), org);
	gg_stmt_bind_text(st, gg_stmt_index(st, "period"), period);
	if (gg_stmt_step(st, &c->err) <= 0)
		return c->err.code ? c->err.code
				   : gg_err_set(&c->err, GG_EX_SOFTWARE, "social-rating/latest gave no row");
	b->last_id = gg_stmt_int(st, 0);
	b->last_stars = gg_stmt_int(st, 1);
	b->period_id = gg_stmt_int(st, 2);
	b->period_stars = gg_stmt_int(st, 3);
	snprintf(b->last_period, sizeof b->last_period, "%s", gg_stmt_isnull(st, 4) ? "" : gg_stmt_text(st, 4));
	return 0;
}

/* Ratings follow one another in time, so that the last written is the organisation's standing
 * and each change is against the one before: a period ending before the last rated one ends
 * is refused (a late rating of an earlier period would otherwise become the current stars). */
static int in_order(struct gg_ctx *c, const char *code, const char *period, const struct before *b)
{
	int64_t from, to, last_from, last_to;

	if (!b->last_id || gg_clock_period(period, &from, &to) || gg_clock_period(b->last_period, &last_from, &last_to))
		return 0;
	if (to < last_to)
		return gg_err_set(&c->err, GG_EX_DATAERR,
				  "'%s' was rated last for %s, which ends after %s: ratings follow one another in time",
				  code, b->last_period, period);
	return 0;
}

int gg_score_social_rate(struct gg_ctx *c, json_t *args, int replace, json_t **out)
{
	const char *code = text(args, "org"), *period = text(args, "period");
	const struct rules *ru;
	struct before b = {0};
	json_t *org = NULL, *row, *stored = NULL;
	enum gg_put what;
	int s[NDIMS], points = 0, earned = 0, stars, rc;

	*out = NULL;
	if (!(ru = rules(c)))
		return c->err.code;
	for (int d = 0; d < NDIMS; d++)
		if (score_of(c, dims[d], text(args, dims[d]), &s[d]))
			return c->err.code;
	if (org_get(c, code, &org) || rated_before(c, code, period, &b)) {
		json_decref(org);
		return c->err.code;
	}
	int party = json_is_true(json_object_get(org, "has_party_org"));
	json_decref(org);
	if (b.period_id && !replace)
		return gg_err_set(
			&c->err, GG_EX_DATAERR,
			"'%s' was rated for %s already (rating %lld, %lld stars): --replace rates it anew, the "
			"earlier rating staying in its history",
			code, period, (long long)b.period_id, (long long)b.period_stars);
	if (!b.period_id && replace)
		return gg_err_set(&c->err, GG_EX_DATAERR, "--replace: '%s' has no rating for %s to replace", code,
				  period);
	if (in_order(c, code, period, &b))
		return c->err.code;
	for (int d = 0; d < NDIMS; d++)
		points += s[d] * ru->w[d];
	while (earned < ru->levels && points >= ru->from[earned])
		earned++;
	stars = earned;
	if (ru->party_org_for_5 && !party && stars > 4)
		stars = 4;
	row = json_pack("{s:s,s:s,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:b,s:s,s:I}", "org", code, "period", period,
			"organisation", s[ORGANISATION], "credibility", s[CREDIBILITY], "efficiency", s[EFFICIENCY],
			"w_organisation", ru->w[ORGANISATION], "w_credibility", ru->w[CREDIBILITY], "w_efficiency",
			ru->w[EFFICIENCY], "points", points, "earned", earned, "stars", stars, "has_party_org", party,
			"change",
			!b.last_id	       ? "first"
			: stars > b.last_stars ? "up"
			: stars < b.last_stars ? "down"
					       : "same",
			"at", (json_int_t)gg_clock_now());
	if (b.last_id)
		json_object_set_new(row, "previous", json_integer(b.last_stars));
	if (replace)
		json_object_set_new(row, "replaces", json_integer(b.period_id));
	if (json_object_get(args, "note"))
		json_object_set(row, "note", json_object_get(args, "note"));
	rc = gg_kind_put(c, &gg_social_rating_kind, row, NULL, -1, &what, &stored);
	json_decref(row);
	if (rc)
		return rc;
	struct gg_stmt *st = gg_db_named(c->db, "social-rating/history", &c->err);
	if (!st ||
	    (gg_stmt_bind_int(st, gg_stmt_index(st, "id"), num(stored, "id")), rc = gg_stmt_step(st, &c->err)) <= 0) {
		rc = c->err.code ? c->err.code
				 : gg_err_set(&c->err, GG_EX_SOFTWARE, "rating %lld not found once written",
					      (long long)num(stored, "id"));
	} else {
		json_t *r = gg_stmt_row(st);
		*out = rating_shown(c, r);
		json_decref(r);
		rc = 0;
	}
	json_decref(stored);
	return rc;
}

int gg_score_social_history(struct gg_ctx *c, json_t *filter, int (*fn)(struct gg_ctx *, json_t *, void *), void *arg)
{
	return each_shown(c, "social-rating/history", filter, rating_shown, fn, arg);
}

/* ---- show ---- */

int gg_score_social_show(struct gg_ctx *c, const char *code, json_t **out)
{
	struct gg_stmt *st;
	json_t *org = NULL;

	*out = NULL;
	if (org_get(c, code, &org))
		return c->err.code;
	if (!(st = gg_db_named(c->db, "social-org/standing", &c->err)) ||
	    (gg_stmt_bind_text(st, gg_stmt_index(st, "code"), code), gg_stmt_step(st, &c->err)) <= 0) {
		json_decref(org);
		return c->err.code ? c->err.code
				   : gg_err_set(&c->err, GG_EX_SOFTWARE, "social-org/standing gave no row");
	}
	gg_kind_mask(c, &gg_social_org_kind, org);
	if (!gg_stmt_isnull(st, 0)) { /* never rated: no stars to show */
		json_object_set_new(org, "stars", json_integer(gg_stmt_int(st, 0)));
		json_object_set_new(org, "rated_period", json_string(gg_stmt_text(st, 1)));
		json_object_set_new(org, "total", hundredths(gg_stmt_int(st, 2)));
	}
	json_object_set_new(org, "ratings", json_integer(gg_stmt_int(st, 3)));
	json_object_set_new(org, "funding", hundredths(gg_stmt_int(st, 4)));
	json_object_set_new(org, "funding_records", json_integer(gg_stmt_int(st, 5)));
	*out = org;
	return 0;
}
