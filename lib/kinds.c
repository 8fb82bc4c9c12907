/* kinds.c: every kind of every tool in one list, in the order of the tools and, within one,
 * of its registry; `rm` names the records that still refer to a record in this order. A new
 * tool adds its kinds here. */
#include "kinds.h"
#include "org.h"
#include "ticket.h"

const struct gg_kind *const gg_kinds_all[] = {
	&gg_unit_kind, &gg_dept_kind,	&gg_person_kind,   &gg_party_kind,  &gg_link_kind,
	&gg_duty_kind, &gg_demand_kind, &gg_category_kind, &gg_ticket_kind, NULL,
};
