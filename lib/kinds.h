/* SPDX-License-Identifier: Apache-2.0 */
/* kinds.h: every tool's registry of kinds, for what crosses tools: a unit is not removed
 * while a ticket stands on it. */
#ifndef GG_KINDS_H
#define GG_KINDS_H

#include "kind.h"

extern const struct gg_kind *const *const gg_kinds_registries[];

#endif
