/* SPDX-License-Identifier: Apache-2.0 */
/* hook.h: hooks, as a tracker offers them. An executable $GG_HOOKS/on-EVENT gets each
 * affected record as JSON on stdin after the command has committed; a hook that fails, is
 * refused (anyone's to change) or is killed past its time is reported on stderr and never
 * undoes the change. */
#ifndef GG_HOOK_H
#define GG_HOOK_H

#include <jansson.h>

#include "ctx.h"

int gg_hook_wanted(struct gg_ctx *c, const char *event);
void gg_hook_queue(struct gg_ctx *c, const char *event, json_t *rec);
void gg_hook_run(struct gg_ctx *c);

#endif
