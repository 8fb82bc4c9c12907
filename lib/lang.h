/* SPDX-License-Identifier: Apache-2.0 */
/* lang.h: the language of the reports people read (md, html, xlsx), Chinese or English, and
 * their labels from gettext's catalogues (po/), which work under `env -i` too. */
#ifndef GG_LANG_H
#define GG_LANG_H

/* "zh_CN" or "en": opt (--lang) when given, NULL when it names neither; else the language of
 * LC_ALL, LC_MESSAGES or LANG (the first set) when it is zh* or en*; else Chinese. */
const char *gg_lang_choose(const char *opt);
/* key's label in lang (a string of the catalogue's), or key itself when it has none. */
const char *gg_lang_label(const char *lang, const char *key);

#endif
