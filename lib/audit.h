/* SPDX-License-Identifier: Apache-2.0 */
/* audit.h: the append-only audit log. Each row's hash covers the previous row's hash, so an
 * edit made behind the tools' back breaks the chain where it was made. */
#ifndef GG_AUDIT_H
#define GG_AUDIT_H

#include <jansson.h>

#include "ctx.h"

/* the audit log as an append-only kind, for reading it through the entity layer */
extern const struct gg_kind gg_audit_kind;

int gg_audit(struct gg_ctx *c, json_t *change);

#endif
