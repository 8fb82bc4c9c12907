/* SPDX-License-Identifier: Apache-2.0 */
/* csv.h: CSV in (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF,
 * a UTF-8 BOM; GBK or GB18030 decoded when asked), and records made from its rows by a
 * small YAML mapping of columns to fields. */
#ifndef GG_CSV_H
#define GG_CSV_H

#include <jansson.h>
#include <stdio.h>

#include "err.h"

struct gg_csv;

extern const char *const gg_csv_encodings[]; /* what --encoding takes: gbk, gb18030, utf-8 */

int gg_csv_open(struct gg_csv **r, const char *path, struct gg_err *err);
int gg_csv_decode(struct gg_csv *r, const char *encoding, struct gg_err *err);
int gg_csv_next(struct gg_csv *r, json_t **row, struct gg_err *err);
int gg_csv_line(const struct gg_csv *r);
int gg_csv_whole(const struct gg_csv *r);
const char *gg_csv_name(const struct gg_csv *r);
void gg_csv_close(struct gg_csv *r);
int gg_csv_mapping(const char *path, json_t *header, const struct gg_csv *r, json_t **map, struct gg_err *err);
json_t *gg_csv_record(json_t *map, json_t *row);

#endif
