/* SPDX-License-Identifier: Apache-2.0 */
/* lang.c: labels of the reports people read, through gettext (glibc's libintl). The tools run
 * in the C locale, often from cron under `env -i` with no locale installed, and glibc ignores
 * LANGUAGE in the "C" locale; so a label is looked up in a locale of its own (C.UTF-8, always
 * there) set for this thread alone, with LANGUAGE naming the catalogue for that lookup only:
 * the process's own locale, and so libc's messages (strerror), stay as they were. */
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lang.h"

#ifndef GG_LOCALEDIR
#define GG_LOCALEDIR "/usr/local/share/locale"
#endif

#define DOMAIN "gg"

/* The locale's language is that of the first variable set, as setlocale(3) would read it;
 * "C", "POSIX" or any other language means the default, Chinese. */
const char *gg_lang_choose(const char *opt)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG", NULL};
	const char *v = NULL;

	if (opt)
		return !strcmp(opt, "zh_CN") ? "zh_CN" : !strcmp(opt, "en") ? "en" : NULL;
	for (int i = 0; vars[i] && !(v && *v); i++)
		v = getenv(vars[i]);
	return v && !strncmp(v, "en", 2) ? "en" : "zh_CN";
}

/* Whether dir holds gg's catalogues (the Chinese one stands for both). */
static int catalogues(const char *dir)
{
	char path[PATH_MAX + 64];
	struct stat sb;

	snprintf(path, sizeof path, "%s/zh_CN/LC_MESSAGES/" DOMAIN ".mo", dir);
	return stat(path, &sb) == 0;
}

/* Where the catalogues are: $GG_LOCALEDIR; else the build tree's build/locale when the
 * program runs from the tree (bin/, build/ or build/asan/bin/ beside it); else share/locale
 * beside the bin/ it was installed in, wherever the tree was moved; else where make install
 * put them. */
static const char *localedir(char *buf, size_t size)
{
	static const char *const up[] = {"/../build/locale", "/../locale", "/../../locale", "/../share/locale", NULL};
	const char *env = getenv("GG_LOCALEDIR");
	char exe[PATH_MAX], *slash;
	ssize_t n;

	if (env && *env)
		return env;
	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')))
			*slash = '\0';
		for (int i = 0; up[i]; i++) {
			snprintf(buf, size, "%s%s", exe, up[i]);
			if (catalogues(buf))
				return buf;
		}
	}
	return GG_LOCALEDIR;
}

/* The locale labels are looked up in, once: C.UTF-8's messages category, which (unlike "C")
 * lets LANGUAGE choose the catalogue; (locale_t)0 when there is none. */
static locale_t messages(void)
{
	static locale_t loc;
	static int done;
	char buf[PATH_MAX + 32];

	if (!done) {
		done = 1;
		bindtextdomain(DOMAIN, localedir(buf, sizeof buf));
		bind_textdomain_codeset(DOMAIN, "UTF-8");
		loc = newlocale(LC_MESSAGES_MASK, "C.UTF-8", (locale_t)0);
	}
	return loc;
}

/* LANGUAGE is set for the lookup alone and put back after it. glibc keeps a label it found
 * by domain and locale, not by LANGUAGE: a process speaks one language. */
const char *gg_lang_label(const char *lang, const char *key)
{
	locale_t loc = messages(), old;
	const char *was = getenv("LANGUAGE"), *label;
	char *keep = was ? strdup(was) : NULL;

	if (!loc || (was && !keep)) {
		free(keep);
		return key;
	}
	setenv("LANGUAGE", lang, 1);
	old = uselocale(loc);
	label = dgettext(DOMAIN, key);
	uselocale(old);
	if (keep)
		setenv("LANGUAGE", keep, 1);
	else
		unsetenv("LANGUAGE");
	free(keep);
	return label;
}
