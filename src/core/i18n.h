/* i18n.h — translated messages (GNU gettext, part of glibc).
 *
 * Source strings are English; po/vi.po translates them.  The core marks its
 * messages with _() too, but only the front ends call i18n_init(): until
 * then gettext returns the English text, which the unit tests compare.
 * Plural forms: ngettext(singular, plural, n) from <libintl.h>. */
#ifndef HD_I18N_H
#define HD_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
/* Marks a string for translation where it is defined (a static table);
 * translate it with _() where it is shown. */
#define N_(s) (s)

enum {
    I18N_OK = 0,
    I18N_NO_CATALOG = -1, /* no huydong.mo for lang under i18n_localedir() */
    I18N_NO_LOCALE = -2,  /* only the C locale exists: gettext cannot translate */
};

/* Sets up the locale (the user's, always with UTF-8 text and '.' in numbers)
 * and the messages of lang: "vi" translates, "en" (or NULL) keeps the English
 * source strings.  Catalogs are read from $HUYDONG_LOCALEDIR, else
 * build/locale beside the binary or (when it is the user's own) in the
 * current directory, so an uninstalled ./huydong works, else the installed
 * HUYDONG_LOCALEDIR.  May be called again to switch language.  Returns
 * I18N_OK, or one of the codes above with the messages left in English. */
int i18n_init(const char *lang);

/* The catalog directory chosen by the last i18n_init (for messages). */
const char *i18n_localedir(void);

#endif
