/* SPDX-License-Identifier: Apache-2.0 */
/* embed.h: files from share/gg compiled into the binaries (migrations, named queries,
 * the default catalogue) so an installed tool never looks for them on disk. */
#ifndef GG_EMBED_H
#define GG_EMBED_H

struct gg_embed {
	const char *name; /* path below share/gg, e.g. "sql/001-org.sql" */
	const char *text;
};

extern const struct gg_embed gg_embedded[]; /* sorted by name, ends with {0} */

const char *gg_embed_get(const char *name);

#endif
