/* screen_casework.c — case work from a household in a few keys: assign a
 * member to it (or a sponsor to one of its children), record a home visit,
 * record a commitment.  The same shape as screen_record.c: the form checks
 * each field, the core checks again and saves in one transaction, and a
 * refusal of the core ("field: why") is shown at its field — which is why
 * the labels here are the core's own words for the fields. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/casework.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/model.h"
#include "core/registry.h"
#include "core/text.h"
#include "tui/app.h"
#include "tui/form.h"

typedef enum { CW_ASSIGN, CW_VISIT, CW_COMMIT } cw_kind;

/* Field positions, per form. */
enum { A_MEMBER, A_ROLE, A_FROM, A_REASON };
enum { V_DATE, V_MEMBERS, V_CHILDREN, V_PURPOSE, V_OUTCOME, V_SUPPORT, V_NOTES, V_NEXT };
enum { K_CHILD, K_FAMILY_SIGNER, K_SCHOOL_SIGNER, K_DATE, K_FAMILY_COMMITS, K_SCHOOL_COMMITS,
       K_COMMUNE, K_REVIEW, K_FIELDS };

/* A flags field keeps its ticks in an unsigned: no more choices than bits. */
#define FLAGS_MAX ((int)(sizeof(unsigned) * CHAR_BIT))
/* The core's best suggestions shown with their reasons, before the rest. */
enum { SUGGEST_TOP = 5 };

/* The records behind one choice or flags field: choice i is ids[i]. */
typedef struct cw_pick {
    int64_t ids[FIELD_CHOICES_MAX];
    char *names[FIELD_CHOICES_MAX]; /* the choices' labels, owned */
    int n;
} cw_pick;

typedef struct cw_state {
    cw_kind kind;
    tui_form *form;
    int64_t household_id;    /* 0 for a sponsor (the child's assignment) */
    int64_t child_id;        /* the sponsored child, or the commitment's candidate */
    char name[160];          /* the head of household, or the sponsored child */
    char lead_uid[32];       /* the household's open lead, "" when none */
    char lead[160];
    cw_pick members, children;
    char labels[K_FIELDS][96];
} cw_state;

static const tui_action cw_actions[] = {
    ACT_SAVE, ACT_CANCEL, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_HELP, ACT_NONE,
};

/* ---- helpers ---------------------------------------------------------------- */

/* The core's word for field i, capitalised: its refusals start "word: why",
 * and form_error puts them at the field of that label (case aside, which
 * is ASCII-only: every such word starts with an ASCII letter). */
static const char *core_label(cw_state *c, const char *word)
{
    char *l = c->labels[c->form->n];
    snprintf(l, sizeof c->labels[0], "%s", word);
    if (l[0] >= 'a' && l[0] <= 'z')
        l[0] = (char)(l[0] - 'a' + 'A');
    return l;
}

/* Adds a record to a choice field; name is taken (freed when it does not fit). */
static void pick_add(cw_pick *p, tui_field *fl, int cap, int64_t id, char *name)
{
    if (fl->nchoices >= cap || p->n >= FIELD_CHOICES_MAX) {
        free(name);
        return;
    }
    p->ids[p->n] = id;
    p->names[p->n++] = name;
    fl->choices[fl->nchoices++] = name;
}

static void pick_free(cw_pick *p)
{
    for (int i = 0; i < p->n; i++)
        free(p->names[i]);
    p->n = 0;
}

static void set_date(tui_field *fl, hd_date d)
{
    char vn[11];
    date_vn(d, vn);
    field_set_text(fl, vn);
}

/* A date as typed into ISO ("" when empty); "label: why" when unreadable.
 * Used for every date, also those that may lie ahead (a follow-up, a
 * review), which FIELD_DATE would refuse. */
static int take_date(const tui_field *fl, char iso[11], hd_err *err)
{
    char *text = field_text(fl);
    int rc = cw_date(text, iso, fl->label, err);
    free(text);
    return rc;
}

/* The household's open lead, into c->lead_uid and c->lead ("" when none):
 * the role offered first, who usually goes on a visit and signs. */
static void find_lead(cw_state *c, tui *t)
{
    hd_assign_row *a = NULL;
    hd_err err;
    int n = assignment_history(t->db, "household", c->household_id, &a, &err);
    for (int i = 0; i < n; i++) {
        if (a[i].role == AROLE_LEAD && !a[i].end_date[0]) {
            snprintf(c->lead_uid, sizeof c->lead_uid, "%s", a[i].member_uid);
            snprintf(c->lead, sizeof c->lead, "%s", a[i].member ? a[i].member : "");
        }
    }
    assign_rows_free(a, n > 0 ? n : 0);
}

/* ---- assigning a member --------------------------------------------------------- */

/* "Rơ Châm Khoa (same village, 2 assigned)": why the core proposes them. */
static char *suggestion_label(const hd_suggestion *s)
{
    const char *why = s->same_village && s->same_school ? _("same village and school")
                      : s->same_village                 ? _("same village")
                      : s->same_school                  ? _("same school")
                                                        : NULL;
    char load[64];
    if (s->load)
        snprintf(load, sizeof load,
                 ngettext("%d assigned", "%d assigned", (unsigned long)s->load), s->load);
    else
        snprintf(load, sizeof load, "%s", _("nothing assigned yet"));
    return why ? xasprintf("%s (%s, %s)", s->name, why, load)
               : xasprintf("%s (%s)", s->name, load);
}

typedef struct named {
    char *key;
    const hd_suggestion *s;
} named;

static int named_cmp(const void *a, const void *b)
{
    return strcmp(((const named *)a)->key, ((const named *)b)->key);
}

/* The members after the suggestions, in Vietnamese name order (the core
 * orders them by how well they fit, which is no order to look for a name in). */
static void add_by_name(cw_pick *p, tui_field *fl, const hd_suggestion *s, int n)
{
    if (n <= 0)
        return;
    named *v = xcalloc((size_t)n, sizeof *v);
    for (int i = 0; i < n; i++) {
        v[i].key = text_name_sort_key(s[i].name);
        v[i].s = &s[i];
    }
    qsort(v, (size_t)n, sizeof *v, named_cmp);
    for (int i = 0; i < n; i++) {
        pick_add(p, fl, FIELD_CHOICES_MAX, v[i].s->member_id, xstrdup(v[i].s->name));
        free(v[i].key);
    }
    free(v);
}

/* Who can be assigned: the core leaves out archived members and those
 * already assigned here, and ranks the rest. */
static void member_choices(cw_state *c, tui *t, tui_field *fl)
{
    hd_suggestion *s = NULL;
    hd_err err;
    int n = assignment_suggest(t->db, c->household_id, c->household_id ? 0 : c->child_id, 0,
                               &s, &err);
    if (n < 0) {
        tui_message(t, ROLE_ERROR, "%s", err.msg);
        return;
    }
    int top = n < SUGGEST_TOP ? n : SUGGEST_TOP;
    for (int i = 0; i < top; i++)
        pick_add(&c->members, fl, FIELD_CHOICES_MAX, s[i].member_id, suggestion_label(&s[i]));
    add_by_name(&c->members, fl, s + top, n - top);
    suggestions_free(s, n);
    fl->choice = fl->nchoices ? 0 : -1;
}

static void assign_form(cw_state *c, tui *t)
{
    tui_form *f = c->form;
    member_choices(c, t, form_add(f, core_label(c, _("member")), FIELD_CHOICE, 1));
    tui_field *role = form_add(f, core_label(c, _("role")), FIELD_CHOICE, 1);
    if (c->household_id) {
        role->choices[role->nchoices++] = model_label(VOCAB_ASSIGN_ROLE, AROLE_LEAD, t->lang);
        role->choices[role->nchoices++] = model_label(VOCAB_ASSIGN_ROLE, AROLE_SUPPORT, t->lang);
        /* a household that has its lead more often gains a supporting member */
        role->choice = c->lead_uid[0] ? 1 : 0;
    } else {
        role->choices[role->nchoices++] = model_label(VOCAB_ASSIGN_ROLE, AROLE_SPONSOR, t->lang);
        role->choice = 0;
    }
    set_date(form_add(f, core_label(c, _("from")), FIELD_DATE, 1), date_today());
    form_add(f, core_label(c, _("reason")), FIELD_TEXT, 0);
}

static int assign_save(cw_state *c, tui *t, hd_err *err)
{
    tui_field *fl = c->form->fields;
    hd_assignment a = {0};
    a.member_id = c->members.ids[fl[A_MEMBER].choice];
    a.household_id = c->household_id;
    a.child_id = c->household_id ? 0 : c->child_id;
    a.role = !c->household_id ? AROLE_SPONSOR : fl[A_ROLE].choice == 0 ? AROLE_LEAD : AROLE_SUPPORT;
    a.season = -1;
    if (take_date(&fl[A_FROM], a.start_date, err) < 0)
        return -1;
    a.reason = field_text(&fl[A_REASON]);
    int rc = assignment_add(t->db, &a, err);
    assignment_free(&a);
    return rc;
}

/* ---- a home visit ------------------------------------------------------------ */

/* Who went: the household's lead first and ticked, then the members by
 * name, as many as the flags hold. */
static void visit_members(cw_state *c, tui *t, tui_field *fl)
{
    hd_list_filter f;
    list_filter_init(&f);
    hd_list_row rows[FIELD_CHOICES_MAX];
    hd_err err;
    int n = list_page(t->db, LIST_MEMBERS, &f, SORT_NAME, NULL, 1, FIELD_CHOICES_MAX, t->lang,
                      rows, &err);
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < n; i++) {
            int lead = c->lead_uid[0] && strcmp(rows[i].uid, c->lead_uid) == 0;
            if (lead != (pass == 0))
                continue;
            if (lead && fl->nchoices < FLAGS_MAX)
                fl->flags |= 1u << fl->nchoices;
            pick_add(&c->members, fl, FLAGS_MAX, rows[i].id,
                     xstrdup(rows[i].cols[0] ? rows[i].cols[0] : ""));
        }
    }
    for (int i = 0; i < n; i++)
        list_row_free(&rows[i]);
}

/* The household's children, the year telling namesakes apart; those at
 * risk ticked, as a visit is most often about them. */
static void visit_children(cw_state *c, tui *t, tui_field *fl)
{
    hd_list_filter f;
    list_filter_init(&f);
    f.household_id = c->household_id;
    hd_list_row rows[FLAGS_MAX];
    hd_err err;
    int n = c->household_id ? list_page(t->db, LIST_CHILDREN, &f, SORT_NAME, NULL, 1, FLAGS_MAX,
                                        t->lang, rows, &err)
                            : 0;
    for (int i = 0; i < n; i++) {
        if (rows[i].flag)
            fl->flags |= 1u << fl->nchoices;
        pick_add(&c->children, fl, FLAGS_MAX, rows[i].id,
                 xasprintf("%s (%s)", rows[i].cols[0] ? rows[i].cols[0] : "",
                           rows[i].cols[1] ? rows[i].cols[1] : ""));
        list_row_free(&rows[i]);
    }
}

static void vocab_choices(tui_field *fl, hd_vocab v, const char *lang)
{
    size_t n;
    model_terms(v, &n);
    for (size_t i = 0; i < n && fl->nchoices < FIELD_CHOICES_MAX; i++)
        fl->choices[fl->nchoices++] = model_label(v, (int)i, lang);
}

static void visit_form(cw_state *c, tui *t)
{
    tui_form *f = c->form;
    set_date(form_add(f, core_label(c, _("date")), FIELD_DATE, 1), date_today());
    visit_members(c, t, form_add(f, core_label(c, _("members")), FIELD_FLAGS, 1));
    visit_children(c, t, form_add(f, core_label(c, _("children")), FIELD_FLAGS, 0));
    form_add(f, core_label(c, _("purpose")), FIELD_TEXT, 0);
    vocab_choices(form_add(f, core_label(c, _("outcome")), FIELD_CHOICE, 1), VOCAB_OUTCOME,
                  t->lang);
    vocab_choices(form_add(f, core_label(c, _("support")), FIELD_FLAGS, 0), VOCAB_SUPPORT,
                  t->lang);
    form_add(f, core_label(c, _("notes")), FIELD_TEXT, 0);
    /* the next visit is due this many days on (due.c counts the same) */
    hd_cw_opts o;
    cw_opts_init(&o, t->cfg);
    hd_date next = date_from_days(date_to_days(o.today) + o.visit_interval_days);
    set_date(form_add(f, core_label(c, _("next follow-up")), FIELD_TEXT, 0), next);
}

/* The ids of the ticked choices; *n gets their number.  Caller frees. */
static int64_t *ticked(const cw_pick *p, const tui_field *fl, int *n)
{
    int64_t *ids = xcalloc((size_t)p->n + 1, sizeof *ids);
    *n = 0;
    for (int i = 0; i < p->n && i < FLAGS_MAX; i++)
        if (fl->flags & (1u << i))
            ids[(*n)++] = p->ids[i];
    return ids;
}

static int visit_save(cw_state *c, tui *t, hd_err *err)
{
    tui_field *fl = c->form->fields;
    hd_visit v = {0};
    v.household_id = c->household_id;
    if (take_date(&fl[V_DATE], v.date, err) < 0 || take_date(&fl[V_NEXT], v.next_followup, err) < 0)
        return -1;
    v.members = ticked(&c->members, &fl[V_MEMBERS], &v.nmembers);
    v.children = ticked(&c->children, &fl[V_CHILDREN], &v.nchildren);
    v.purpose = field_text(&fl[V_PURPOSE]);
    v.outcome = fl[V_OUTCOME].choice;
    v.support = fl[V_SUPPORT].flags;
    v.notes = field_text(&fl[V_NOTES]);
    /* with the outcome "returned", the core also records each child named
     * as back in school, in the same transaction */
    int rc = visit_add(t->db, &v, err);
    visit_free(&v);
    return rc;
}

/* ---- a commitment ------------------------------------------------------------- */

static void commit_form(cw_state *c, tui *t)
{
    tui_form *f = c->form;
    /* the child under the cursor may be what it is about; else the household */
    tui_field *who = form_add(f, core_label(c, _("child")), FIELD_CHOICE, 1);
    pick_add(&c->children, who, FIELD_CHOICES_MAX, 0, xstrdup(_("whole household")));
    hd_child ch;
    if (c->child_id && child_get(t->db, c->child_id, &ch, NULL) == 0) {
        pick_add(&c->children, who, FIELD_CHOICES_MAX, c->child_id, xstrdup(ch.full_name));
        child_free(&ch);
    }
    who->choice = 0;
    field_set_text(form_add(f, core_label(c, _("family signer")), FIELD_TEXT, 1), c->name);
    field_set_text(form_add(f, core_label(c, _("school signer")), FIELD_TEXT, 1), c->lead);
    set_date(form_add(f, core_label(c, _("date")), FIELD_DATE, 1), date_today());
    form_add(f, core_label(c, _("family commits")), FIELD_TEXT, 1);
    form_add(f, core_label(c, _("school commits")), FIELD_TEXT, 0);
    form_add(f, _("Commune provides"), FIELD_TEXT, 0);
    form_add(f, core_label(c, _("review")), FIELD_TEXT, 0);
}

/* What the school commits to, and after it what the commune provides: the
 * record has one text for the side of the school and committee. */
static char *school_side(const tui_field *fl)
{
    char *school = field_text(&fl[K_SCHOOL_COMMITS]), *commune = field_text(&fl[K_COMMUNE]);
    if (*commune) {
        char *both = *school ? xasprintf("%s; %s: %s", school, fl[K_COMMUNE].label, commune)
                             : xasprintf("%s: %s", fl[K_COMMUNE].label, commune);
        free(school);
        school = both;
    }
    free(commune);
    return school;
}

static int commit_save(cw_state *c, tui *t, hd_err *err)
{
    tui_field *fl = c->form->fields;
    hd_commitment k = {0};
    k.household_id = c->household_id;
    k.child_id = c->children.ids[fl[K_CHILD].choice];
    if (take_date(&fl[K_DATE], k.signed_date, err) < 0 ||
        take_date(&fl[K_REVIEW], k.review_date, err) < 0)
        return -1;
    k.family_signer = field_text(&fl[K_FAMILY_SIGNER]);
    k.school_signer = field_text(&fl[K_SCHOOL_SIGNER]);
    k.family_commits = field_text(&fl[K_FAMILY_COMMITS]);
    k.school_commits = school_side(fl);
    int rc = commitment_add(t->db, &k, err);
    commitment_free(&k);
    return rc;
}

/* ---- the screen ----------------------------------------------------------------- */

static void cw_draw(tui_screen *s, tui *t, int top, int height)
{
    cw_state *c = s->st;
    form_draw(c->form, t, top, height);
}

/* A refusal at its field.  One word differs: the review date unreadable is
 * "review", but before the signing it has a word of its own, so that
 * message is pointed at the field here. */
static void show_error(cw_state *c, const char *msg)
{
    if (c->kind == CW_COMMIT) {
        const char *fmt = _("review: %s is before the signing (%s)");
        size_t n = strcspn(fmt, ":");
        if (strncmp(msg, fmt, n) == 0 && msg[n] == ':')
            c->form->focus = K_REVIEW;
    }
    form_error(c->form, msg);
}

static int cw_write(void *ctx, tui *t, hd_err *err)
{
    cw_state *c = ctx;
    return c->kind == CW_ASSIGN ? assign_save(c, t, err)
           : c->kind == CW_VISIT ? visit_save(c, t, err)
                                 : commit_save(c, t, err);
}

static void cw_place(void *ctx, const char *msg)
{
    show_error(ctx, msg);
}

static void cw_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    cw_state *c = s->st;
    if (form_screen_key(c->form, t, a, k) == FORM_SAVE)
        form_screen_save(c->form, t, cw_write, cw_place, c);
}

static void cw_free(tui_screen *s)
{
    cw_state *c = s->st;
    form_free(c->form);
    pick_free(&c->members);
    pick_free(&c->children);
    free(c);
}

static const tui_screen_ops cw_ops = {
    "form", cw_actions, 1, cw_draw, cw_key, NULL, cw_free,
};

/* The state of a form about a household: its head's name and its lead
 * read.  The caller titles the form. */
static cw_state *cw_new(tui *t, cw_kind kind, int64_t household_id, int64_t child_id)
{
    cw_state *c = xcalloc(1, sizeof *c);
    c->kind = kind;
    c->household_id = household_id;
    c->child_id = child_id;
    hd_household h;
    hd_err err;
    if (household_get(t->db, household_id, &h, &err) == 0) {
        snprintf(c->name, sizeof c->name, "%s", h.head_name);
        household_free(&h);
    } else {
        tui_message(t, ROLE_ERROR, "%s", err.msg);
    }
    find_lead(c, t);
    return c;
}

tui_screen *screen_assign_form(tui *t, int64_t household_id)
{
    if (!tui_allowed(t, PERM_RECORDS, 0))
        return NULL;
    cw_state *c = cw_new(t, CW_ASSIGN, household_id, 0);
    char title[240];
    snprintf(title, sizeof title, _("Assign a member to the household of %s"), c->name);
    c->form = form_new(title);
    assign_form(c, t);
    return tui_screen_new(&cw_ops, c, c->form->title);
}

tui_screen *screen_sponsor_form(tui *t, int64_t child_id)
{
    if (!tui_allowed(t, PERM_RECORDS, 0))
        return NULL;
    cw_state *c = xcalloc(1, sizeof *c);
    c->kind = CW_ASSIGN;
    c->child_id = child_id;
    hd_child ch;
    hd_err err;
    if (child_get(t->db, child_id, &ch, &err) == 0) {
        snprintf(c->name, sizeof c->name, "%s", ch.full_name);
        child_free(&ch);
    } else {
        tui_message(t, ROLE_ERROR, "%s", err.msg);
    }
    char title[240];
    snprintf(title, sizeof title, _("A sponsor for %s"), c->name);
    c->form = form_new(title);
    assign_form(c, t);
    return tui_screen_new(&cw_ops, c, c->form->title);
}

tui_screen *screen_visit_form(tui *t, int64_t household_id)
{
    if (!tui_allowed(t, PERM_CASEWORK, household_id))
        return NULL;
    cw_state *c = cw_new(t, CW_VISIT, household_id, 0);
    char title[240];
    snprintf(title, sizeof title, _("Home visit to the household of %s"), c->name);
    c->form = form_new(title);
    visit_form(c, t);
    return tui_screen_new(&cw_ops, c, c->form->title);
}

tui_screen *screen_commit_form(tui *t, int64_t household_id, int64_t child_id)
{
    if (!tui_allowed(t, PERM_CASEWORK, household_id))
        return NULL;
    cw_state *c = cw_new(t, CW_COMMIT, household_id, child_id);
    char title[240];
    snprintf(title, sizeof title, _("Commitment with the household of %s"), c->name);
    c->form = form_new(title);
    commit_form(c, t);
    return tui_screen_new(&cw_ops, c, c->form->title);
}
