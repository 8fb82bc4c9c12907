/* kinds.h: every kind of every tool, for what crosses tools: a unit is not removed while a
 * ticket stands on it. Each tool's own registry (gg_org_kinds, …) lists what it imports. */
#ifndef GG_KINDS_H
#define GG_KINDS_H

#include "kind.h"

extern const struct gg_kind *const gg_kinds_all[];

#endif
