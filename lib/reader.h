/* SPDX-License-Identifier: Apache-2.0 */
/* reader.h: records in. One reader takes YAML (libyaml events, YAML 1.2 core typing), JSON and
 * NDJSON (jansson), tells them apart from the first bytes, streams one record at a time and
 * remembers where each value stood so an error can name file:line:column. */
#ifndef GG_READER_H
#define GG_READER_H

#include <jansson.h>
#include <stdio.h>

#include "err.h"

#define GG_MAX_SCALAR (1 << 20) /* longest string a record may carry, in bytes */

struct gg_reader;

void gg_reader_check_stdin(void);
void gg_reader_spool_stdin(void);
int gg_reader_stdin(struct gg_err *err);
int gg_reader_open(struct gg_reader **r, const char *path, struct gg_err *err);
int gg_reader_open_stream(struct gg_reader **r, FILE *f, const char *name, struct gg_err *err);
int gg_reader_open_embed(struct gg_reader **r, const char *name, struct gg_err *err);
int gg_reader_next(struct gg_reader *r, json_t **rec, struct gg_err *err);
void gg_reader_keep(struct gg_reader *r, int keep);
void gg_reader_prefetch(struct gg_reader *r);
void gg_reader_release(struct gg_reader *r, json_t *rec);
void gg_reader_close(struct gg_reader *r);
const char *gg_reader_name(const struct gg_reader *r);
void gg_reader_where(const struct gg_reader *r, json_t *in, const char *key, char *buf, size_t n);
void gg_reader_where_i(const struct gg_reader *r, json_t *in, size_t idx, char *buf, size_t n);
int gg_reader_known(const struct gg_reader *r, json_t *in, const char *key);
int gg_reader_lossy(const struct gg_reader *r, json_t *in, const char *key);
int gg_reader_fail(const struct gg_reader *r, struct gg_err *err, json_t *in, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
int gg_reader_fail_i(const struct gg_reader *r, struct gg_err *err, json_t *in, size_t idx, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

#endif
