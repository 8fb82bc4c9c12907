/* SPDX-License-Identifier: Apache-2.0 */
/* text.c: display width, address normal form, personal data masked (a value, or the
 * mobile and id numbers in free text), and the SHA-256 digest of text. Width comes from wcwidth
 * under a UTF-8 locale (the command layer selects C.UTF-8), so CJK counts two columns. */
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

int gg_text_width(const char *s)
{
	mbstate_t st;
	size_t n = strlen(s), k;
	int w = 0;
	wchar_t wc;

	memset(&st, 0, sizeof st);
	while (n > 0) {
		k = mbrtowc(&wc, s, n, &st);
		if (k == (size_t)-1 || k == (size_t)-2) { /* not UTF-8: count the byte */
			memset(&st, 0, sizeof st);
			k = 1;
			w++;
		} else {
			if (k == 0)
				break;
			int cw = wcwidth(wc);
			w += cw > 0 ? cw : 0;
		}
		s += k;
		n -= k;
	}
	return w;
}

int gg_text_utf8_ok(const char *s)
{
	mbstate_t st;
	size_t n = strlen(s), k;

	memset(&st, 0, sizeof st);
	while (n > 0) {
		k = mbrtowc(NULL, s, n, &st);
		if (k == (size_t)-1 || k == (size_t)-2)
			return 0;
		s += k;
		n -= k;
	}
	return 1;
}

/* Code points an address may be written with, and the one resolve compares. */
static unsigned fold(unsigned c)
{
	if (c >= 0xff01 && c <= 0xff5e) /* full-width ASCII: ０-９, Ａ-Ｚ, －, … */
		c -= 0xfee0;
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	switch (c) {
	case 0x5e62: /* 幢 */
	case 0x680b: /* 栋 */
	case 0x68df: /* 棟 */
		return 0x5e62;
	case 0x865f:	       /* 號 */
		return 0x53f7; /* 号 */
	case 0x2014:	       /* — */
	case 0x2013:	       /* – */
	case 0x2212:	       /* − */
		return '-';
	}
	return c;
}

static int is_space(unsigned c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xa0;
}

static size_t put_utf8(char *o, unsigned c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xc0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xe0 | c >> 12);
		o[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		o[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | c >> 18);
	o[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	o[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* The address with white space dropped, full-width letters and digits made half-width,
 * Latin letters lower-cased, 栋/棟/号楼 read as 幢 and 號 as 号. Caller frees. */
char *gg_text_norm_address(const char *s)
{
	size_t n = strlen(s), k;
	char *out = malloc(n * 4 + 1), *o = out;
	mbstate_t st;
	wchar_t wc;

	if (!out)
		return NULL;
	memset(&st, 0, sizeof st);
	while (n > 0) {
		k = mbrtowc(&wc, s, n, &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			memset(&st, 0, sizeof st);
			*o++ = *s;
			k = 1;
		} else if (!is_space((unsigned)wc)) {
			o += put_utf8(o, fold((unsigned)wc));
		}
		s += k;
		n -= k;
	}
	*o = '\0';
	/* "3号楼" is the same building as "3幢" */
	for (char *p; (p = strstr(out, "\xe5\x8f\xb7\xe6\xa5\xbc"));) {
		memcpy(p, "\xe5\xb9\xa2", 3);
		memmove(p + 3, p + 6, strlen(p + 6) + 1);
	}
	return out;
}

/* Personal data as shown without --reveal: 138****5678, every character of a short value
 * and every non-ASCII byte hidden. */
char *gg_text_mask(const char *s)
{
	size_t n = strlen(s);
	char *m = strdup(s);

	for (size_t i = 0; m && i < n; i++)
		if (n <= 7 || (i >= 3 && i < n - 4) || (unsigned char)s[i] >= 0x80)
			m[i] = '*';
	return m;
}

/* The length of the mobile or resident id number that starts at s[i], or 0: a run of exactly
 * 11 ASCII digits starting with 1, or of 18 characters (17 digits and a digit or X), with no
 * digit right before or after it. */
static size_t free_number(const char *s, size_t i)
{
	size_t n = 0;

	if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
		return 0;
	while (s[i + n] >= '0' && s[i + n] <= '9')
		n++;
	if (n == 17 && (s[i + n] == 'X' || s[i + n] == 'x') && !(s[i + n + 1] >= '0' && s[i + n + 1] <= '9'))
		return 18;
	return n == 18 || (n == 11 && s[i] == '1') ? n : 0;
}

int gg_text_free_personal(const char *s)
{
	for (size_t i = 0; s[i]; i++)
		if (free_number(s, i))
			return 1;
	return 0;
}

/* Free text as shown without --reveal: each mobile (13912345678) or resident id number in it
 * masked as gg_text_mask masks a value (139****5678, 321***********5678); the rest as written.
 * Caller frees. */
char *gg_text_mask_free(const char *s)
{
	char *m = strdup(s);
	size_t n;

	for (size_t i = 0; m && m[i]; i++)
		if ((n = free_number(m, i)) > 0) {
			memset(m + i + 3, '*', n - 7);
			i += n - 1;
		}
	return m;
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* A mainland mobile (1[3-9] and 9 more digits), or a landline: a local number of 7 or 8 digits
 * not starting with 0 or 1, after an area code of 0 and 2 or 3 digits and a hyphen, and before
 * a hyphen and an extension of 1 to 6 digits, both optional: 0523-86881234-801. */
int gg_text_phone_ok(const char *s)
{
	size_t n = strlen(s), k;
	const char *dash;

	if (n == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9' && all_digits(s, n))
		return 1;
	if (s[0] == '0') { /* the area code */
		if (!(dash = strchr(s, '-')) || dash - s < 3 || dash - s > 4 || !all_digits(s, (size_t)(dash - s)))
			return 0;
		s = dash + 1;
	}
	k = strcspn(s, "-");
	if (k < 7 || k > 8 || s[0] < '2' || !all_digits(s, k))
		return 0;
	if (!s[k])
		return 1;
	s += k + 1;
	n = strlen(s);
	return n >= 1 && n <= 6 && all_digits(s, n);
}

/* A number as a person writes one: digits, maybe a point and more digits (12, 12.5, .5); no
 * sign, exponent, hex or blanks, which strtod would take. -1 if s is not one. */
int gg_text_decimal(const char *s, double *v)
{
	size_t whole = strspn(s, "0123456789"), frac = s[whole] == '.' ? strspn(s + whole + 1, "0123456789") : 0;

	if ((!whole && !frac) || s[whole + (s[whole] == '.') + frac])
		return -1;
	*v = strtod(s, NULL);
	return 0;
}

int gg_text_digest(const void *bytes, size_t len, char out[65])
{
	unsigned char h[EVP_MAX_MD_SIZE];
	unsigned int n = 0;

	if (!EVP_Digest(bytes, len, h, &n, EVP_sha256(), NULL) || n != 32)
		return -1;
	for (unsigned int i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", h[i]);
	out[64] = '\0';
	return 0;
}
