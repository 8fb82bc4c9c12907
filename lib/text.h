/* SPDX-License-Identifier: Apache-2.0 */
/* text.h: UTF-8 text as people read it: display width of CJK text for aligned tables, the
 * normal form of an address (full-width digits, 号/幢/栋 variants, spaces), and personal data
 * checked (a phone number) and masked. */
#ifndef GG_TEXT_H
#define GG_TEXT_H

#include <stddef.h>

int gg_text_width(const char *s);
char *gg_text_norm_address(const char *s);
int gg_text_utf8_ok(const char *s);
char *gg_text_mask(const char *s);
/* whether free text holds a mobile or resident id number (standalone digit runs) */
int gg_text_free_personal(const char *s);
char *gg_text_mask_free(const char *s);
/* whether s is a phone number a person or resident may give: a mainland mobile or a landline */
int gg_text_phone_ok(const char *s);
int gg_text_decimal(const char *s, double *v);

/* The SHA-256 digest of len bytes, in hex; -1 when OpenSSL could not make it. */
int gg_text_digest(const void *bytes, size_t len, char out[65]);

#endif
