/* i18n.c — locale and message catalog set-up.
 *
 * Why the care: glibc's gettext ignores $LANGUAGE while LC_MESSAGES is "C"
 * (or "POSIX"), and a fresh Debian machine or the Linux console often runs
 * with LANG unset (the C locale) and no vi_VN locale installed.  "C.UTF-8",
 * which Debian always ships, does not count as "C" for that rule (tested on
 * glibc 2.36), so with LC_MESSAGES = C.UTF-8 and LANGUAGE = vi gettext reads
 * vi/LC_MESSAGES/huydong.mo although no Vietnamese locale exists.  The
 * language is the program's setting (--lang, ui.language), not the user's
 * locale, so LANGUAGE is always set: "en" also keeps a Vietnamese LANG from
 * translating the C library's messages (strerror) in an English interface. */
#include "core/i18n.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef HUYDONG_LOCALEDIR
#define HUYDONG_LOCALEDIR "/usr/local/share/locale"
#endif

#define DOMAIN "huydong"

static char found_dir[PATH_MAX];
static const char *localedir = HUYDONG_LOCALEDIR;

static int utf8_codeset(void)
{
    const char *cs = nl_langinfo(CODESET);
    return strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0;
}

/* The user's locale when it has UTF-8 text, else C.UTF-8: names and messages
 * are UTF-8 whatever LANG says.  LC_NUMERIC stays "C" because CSV files, the
 * configuration and the database always write numbers with a '.'. */
static void setup_locale(void)
{
    if (!setlocale(LC_ALL, "") || !utf8_codeset())
        setlocale(LC_ALL, "C.UTF-8");
    setlocale(LC_NUMERIC, "C");
}

static int messages_are_c(void)
{
    const char *m = setlocale(LC_MESSAGES, NULL);
    return !m || strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0;
}

/* Makes LC_MESSAGES something other than plain C, so that LANGUAGE counts. */
static int messages_not_c(void)
{
    static const char *const candidates[] = {"C.UTF-8", "vi_VN.UTF-8", "en_US.UTF-8"};
    if (!messages_are_c())
        return 0;
    for (size_t i = 0; i < sizeof candidates / sizeof *candidates; i++)
        if (setlocale(LC_MESSAGES, candidates[i]))
            return 0;
    return -1;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* build/locale in the binary's directory: ./huydong in the source tree. */
static int beside_binary(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return 0;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    int len = snprintf(found_dir, sizeof found_dir, "%s/build/locale", exe);
    return len > 0 && (size_t)len < sizeof found_dir && is_dir(found_dir);
}

/* ./build/locale, but only the user's own: a catalog supplies printf formats,
 * and on a shared server another user's directory must not. */
static int in_cwd(void)
{
    struct stat st;
    if (stat("build/locale", &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid())
        return 0;
    return realpath("build/locale", found_dir) != NULL;
}

static const char *find_localedir(void)
{
    const char *env = getenv("HUYDONG_LOCALEDIR");
    if (env && *env)
        return env;
    if (beside_binary() || in_cwd())
        return found_dir;
    return HUYDONG_LOCALEDIR;
}

int i18n_init(const char *lang)
{
    int english = !lang || !*lang || strcmp(lang, "en") == 0;
    setup_locale();
    setenv("LANGUAGE", english ? "en" : lang, 1);
    int rc = english || messages_not_c() == 0 ? I18N_OK : I18N_NO_LOCALE;
    /* Bound after the locale and LANGUAGE are set: bindtextdomain() also
     * makes gettext drop what it looked up, so a second call switches. */
    localedir = find_localedir();
    bindtextdomain(DOMAIN, localedir);
    bind_textdomain_codeset(DOMAIN, "UTF-8");
    textdomain(DOMAIN);
    /* gettext("") is the catalog's header entry, or "" without a catalog. */
    if (rc == I18N_OK && !english && !*gettext(""))
        rc = I18N_NO_CATALOG;
    return rc;
}

const char *i18n_localedir(void)
{
    return localedir;
}
