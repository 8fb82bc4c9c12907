/* SPDX-License-Identifier: Apache-2.0 */
/* ticket-kind.c: a ticket as the entity layer sees it: only the references it holds (to its
 * category and to the grid or building it stands on), so that removing either is refused
 * while tickets remain. Tickets themselves are kept by the rest of lib/ticket*.c. */
#include "kind.h"
#include "org.h"
#include "ticket.h"

const struct gg_kind gg_ticket_kind = {
	.name = "ticket",
	.plural = "tickets",
	.flags = GG_K_NOCRUD,
	.fields =
		(const struct gg_field[]){
			{.name = "id", .type = GG_F_ID, .flags = GG_F_KEY},
			{.name = "category", .type = GG_F_REF, .ref = &gg_category_kind, .what = "tickets"},
			{.name = "unit", .type = GG_F_REF, .ref = &gg_unit_kind, .what = "tickets"},
			{0},
		},
};

/* gg-ticket's registry: the catalogue, then the tickets that refer to it. */
const struct gg_kind *const gg_ticket_kinds[] = {&gg_category_kind, &gg_ticket_kind, NULL};
