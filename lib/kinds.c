/* SPDX-License-Identifier: Apache-2.0 */
/* kinds.c: every tool's registry of kinds, in the order of the tools; `rm` names the
 * records that still refer to a record in this order. A new tool adds its registry here. */
#include "kinds.h"
#include "org.h"
#include "ticket.h"
#include "score.h"
#include "volunteer.h"

const struct gg_kind *const *const gg_kinds_registries[] = {gg_org_kinds, gg_ticket_kinds, gg_volunteer_kinds, gg_score_kinds, NULL};
