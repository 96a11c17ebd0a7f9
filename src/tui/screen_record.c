/* screen_record.c — the forms that add and edit records: a child, a
 * household, a change of a child's status with its reason, a village, a
 * committee member and a school.  The form is
 * checked field by field; the core checks again and saves in one
 * transaction; a save that finds the record changed by someone else since
 * the form opened is refused, never silently overwritten. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/registry.h"
#include "tui/app.h"
#include "tui/form.h"

typedef enum { REC_CHILD, REC_HOUSEHOLD, REC_STATUS, REC_VILLAGE, REC_MEMBER, REC_SCHOOL } rec_kind;

/* Field positions, per form. */
enum { C_NAME, C_SEX, C_BIRTH, C_ETHNICITY, C_MINORITY, C_SCHOOL, C_LEVEL, C_GRADE,
       C_CLASS, C_RISK, C_RISK_OTHER, C_NOTES, C_STATUS, C_SINCE };
enum { H_HEAD, H_VILLAGE, H_ADDRESS, H_PHONE, H_POVERTY, H_ETHNICITY, H_MINORITY, H_NOTES };
enum { S_STATUS, S_DATE, S_REASON };
enum { V_NAME, V_KIND, V_BRANCH, V_SECRETARY };
enum { M_NAME, M_ORG, M_ROLE, M_VILLAGE, M_SCHOOL, M_PHONE, M_LOGIN };
enum { SC_NAME, SC_LEVELS, SC_ADDRESS };

/* Room for the registry choices of two fields (a member's village and
 * school), each of up to FIELD_CHOICES_MAX. */
enum { REC_NAMES_MAX = 2 * FIELD_CHOICES_MAX };

typedef struct rec_state {
    rec_kind kind;
    tui_form *form;
    int64_t ids[REC_NAMES_MAX];       /* ids behind the village or school choices */
    char *names[REC_NAMES_MAX];       /* their labels, owned */
    int nnames;
    hd_child child;                   /* as read when the form opened */
    hd_household household;
    hd_village village;
    hd_member member;
    hd_school school;
    unsigned levels_read;             /* the school's levels as the form showed them */
    int64_t child_id;
} rec_state;

static const tui_action rec_actions[] = {
    ACT_SAVE, ACT_CANCEL, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_HELP, ACT_NONE,
};

/* ---- choices read from the registry ----------------------------------------- */

/* Fills a choice field with the records of a list (villages, schools), the
 * first choice "—" (none) when optional. */
static void load_choices(rec_state *r, tui *t, hd_list_kind kind, tui_field *fl, int optional)
{
    hd_list_filter f;
    list_filter_init(&f);
    hd_list_row rows[FIELD_CHOICES_MAX];
    hd_err err;
    int limit = FIELD_CHOICES_MAX - (optional ? 1 : 0);
    int n = list_page(t->db, kind, &f, SORT_NAME, NULL, 1, limit, t->lang, rows, &err);
    if (optional) {
        r->ids[r->nnames] = 0;
        r->names[r->nnames] = xstrdup("—");
        fl->choices[fl->nchoices++] = r->names[r->nnames++];
    }
    for (int i = 0; i < n; i++) {
        if (fl->nchoices < FIELD_CHOICES_MAX && r->nnames < REC_NAMES_MAX) {
            r->ids[r->nnames] = rows[i].id;
            r->names[r->nnames] = xstrdup(rows[i].cols[0] ? rows[i].cols[0] : "");
            fl->choices[fl->nchoices++] = r->names[r->nnames++];
        }
        list_row_free(&rows[i]);
    }
}

/* Index of id among the loaded choices, -1 when absent. */
static int choice_of(const rec_state *r, const tui_field *fl, int64_t id)
{
    for (int i = 0; i < fl->nchoices; i++)
        for (int k = 0; k < r->nnames; k++)
            if (fl->choices[i] == r->names[k] && r->ids[k] == id)
                return i;
    return -1;
}

static int64_t id_of(const rec_state *r, const tui_field *fl)
{
    if (fl->choice < 0)
        return 0;
    for (int k = 0; k < r->nnames; k++)
        if (fl->choices[fl->choice] == r->names[k])
            return r->ids[k];
    return 0;
}

static void vocab_choices(tui_field *fl, hd_vocab v, const char *lang, int with_none)
{
    size_t n;
    model_terms(v, &n);
    if (with_none)
        fl->choices[fl->nchoices++] = "—";
    for (size_t i = 0; i < n && fl->nchoices < FIELD_CHOICES_MAX; i++)
        fl->choices[fl->nchoices++] = model_label(v, (int)i, lang);
}

static void yes_no(tui_field *fl)
{
    fl->choices[0] = _("No");
    fl->choices[1] = _("Yes");
    fl->nchoices = 2;
    fl->choice = 0;
}

/* ---- the child ------------------------------------------------------------ */

static void child_form(rec_state *r, tui *t, int is_new)
{
    tui_form *f = r->form;
    form_add(f, _("Full name"), FIELD_TEXT, 1);
    vocab_choices(form_add(f, _("Sex"), FIELD_CHOICE, 1), VOCAB_SEX, t->lang, 0);
    form_add(f, _("Date of birth"), FIELD_BIRTH, 1);
    form_add(f, _("Ethnicity"), FIELD_TEXT, 0);
    yes_no(form_add(f, _("Ethnic minority"), FIELD_CHOICE, 0));
    load_choices(r, t, LIST_SCHOOLS, form_add(f, _("School"), FIELD_CHOICE, 0), 1);
    vocab_choices(form_add(f, _("Level"), FIELD_CHOICE, 0), VOCAB_LEVEL, t->lang, 1);
    tui_field *g = form_add(f, _("Grade"), FIELD_NUMBER, 0);
    g->min = 1;
    g->max = 12;
    form_add(f, _("Class"), FIELD_TEXT, 0);
    vocab_choices(form_add(f, _("Risk factors"), FIELD_FLAGS, 0), VOCAB_RISK, t->lang, 0);
    form_add(f, _("Other risk"), FIELD_TEXT, 0);
    form_add(f, _("Notes"), FIELD_TEXT, 0);
    if (is_new) {
        tui_field *st = form_add(f, _("Status"), FIELD_CHOICE, 1);
        vocab_choices(st, VOCAB_STATUS, t->lang, 0);
        st->choice = STATUS_ENROLLED;
        form_add(f, _("Since"), FIELD_DATE, 1);
        char today[11];
        date_vn(date_today(), today);
        field_set_text(&f->fields[C_SINCE], today);
    }
}

static void child_fill(rec_state *r)
{
    tui_field *fl = r->form->fields;
    const hd_child *c = &r->child;
    field_set_text(&fl[C_NAME], c->full_name);
    fl[C_SEX].choice = c->sex;
    char birth[16];
    hd_date d;
    if (c->birth_date[0] && date_parse(c->birth_date, &d, NULL) == 0)
        date_vn(d, birth);
    else
        snprintf(birth, sizeof birth, "%d", c->birth_year);
    field_set_text(&fl[C_BIRTH], birth);
    field_set_text(&fl[C_ETHNICITY], c->ethnicity);
    fl[C_MINORITY].choice = c->ethnic_minority ? 1 : 0;
    fl[C_SCHOOL].choice = choice_of(r, &fl[C_SCHOOL], c->school_id);
    fl[C_LEVEL].choice = c->level + 1;
    if (c->grade) {
        char g[8];
        snprintf(g, sizeof g, "%d", c->grade);
        field_set_text(&fl[C_GRADE], g);
    }
    field_set_text(&fl[C_CLASS], c->class_name);
    fl[C_RISK].flags = c->risk;
    field_set_text(&fl[C_RISK_OTHER], c->risk_other);
    field_set_text(&fl[C_NOTES], c->notes);
}

/* The form's values onto r->child (already checked by form_check). */
static void child_take(rec_state *r)
{
    tui_field *fl = r->form->fields;
    hd_child *c = &r->child;
    free(c->full_name);
    c->full_name = field_text(&fl[C_NAME]);
    c->sex = fl[C_SEX].choice;
    char *birth = field_text(&fl[C_BIRTH]);
    int has_day = 0;
    hd_date d;
    date_parse_birth(birth, &c->birth_year, &d, &has_day, NULL);
    if (has_day)
        date_iso(d, c->birth_date);
    else
        c->birth_date[0] = '\0';
    free(birth);
    free(c->ethnicity);
    c->ethnicity = field_text(&fl[C_ETHNICITY]);
    c->ethnic_minority = fl[C_MINORITY].choice == 1;
    c->school_id = id_of(r, &fl[C_SCHOOL]);
    c->level = fl[C_LEVEL].choice > 0 ? fl[C_LEVEL].choice - 1 : -1;
    char *g = field_text(&fl[C_GRADE]);
    c->grade = atoi(g);
    free(g);
    free(c->class_name);
    c->class_name = field_text(&fl[C_CLASS]);
    c->risk = fl[C_RISK].flags;
    free(c->risk_other);
    c->risk_other = field_text(&fl[C_RISK_OTHER]);
    free(c->notes);
    c->notes = field_text(&fl[C_NOTES]);
}

static int child_save(rec_state *r, tui *t, hd_err *err)
{
    child_take(r);
    if (r->child.id)
        return child_update(t->db, &r->child, err);
    char *since = field_text(&r->form->fields[C_SINCE]);
    int rc = child_insert(t->db, &r->child, r->form->fields[C_STATUS].choice, since, "",
                          "manual", err);
    free(since);
    return rc;
}

/* ---- the household -------------------------------------------------------- */

static void household_form(rec_state *r, tui *t)
{
    tui_form *f = r->form;
    form_add(f, _("Head of household"), FIELD_TEXT, 1);
    load_choices(r, t, LIST_VILLAGES, form_add(f, _("Village"), FIELD_CHOICE, 1), 0);
    form_add(f, _("Address"), FIELD_TEXT, 0);
    form_add(f, _("Phone"), FIELD_PHONE, 0);
    tui_field *p = form_add(f, _("Poverty"), FIELD_CHOICE, 1);
    vocab_choices(p, VOCAB_POVERTY, t->lang, 0);
    p->choice = POVERTY_NONE;
    form_add(f, _("Ethnicity"), FIELD_TEXT, 0);
    yes_no(form_add(f, _("Ethnic minority"), FIELD_CHOICE, 0));
    form_add(f, _("Notes"), FIELD_TEXT, 0);
}

static void household_fill(rec_state *r)
{
    tui_field *fl = r->form->fields;
    const hd_household *h = &r->household;
    field_set_text(&fl[H_HEAD], h->head_name);
    fl[H_VILLAGE].choice = choice_of(r, &fl[H_VILLAGE], h->village_id);
    field_set_text(&fl[H_ADDRESS], h->address);
    field_set_text(&fl[H_PHONE], h->phone);
    fl[H_POVERTY].choice = h->poverty;
    field_set_text(&fl[H_ETHNICITY], h->ethnicity);
    fl[H_MINORITY].choice = h->ethnic_minority ? 1 : 0;
    field_set_text(&fl[H_NOTES], h->notes);
}

static int household_save(rec_state *r, tui *t, hd_err *err)
{
    tui_field *fl = r->form->fields;
    hd_household *h = &r->household;
    char **texts[] = {&h->head_name, &h->address, &h->phone, &h->ethnicity, &h->notes};
    const int at[] = {H_HEAD, H_ADDRESS, H_PHONE, H_ETHNICITY, H_NOTES};
    for (size_t i = 0; i < HD_ARRAY_LEN(at); i++) {
        free(*texts[i]);
        *texts[i] = field_text(&fl[at[i]]);
    }
    h->village_id = id_of(r, &fl[H_VILLAGE]);
    h->poverty = fl[H_POVERTY].choice;
    h->ethnic_minority = fl[H_MINORITY].choice == 1;
    return h->id ? household_update(t->db, h, err) : household_insert(t->db, h, err);
}

/* ---- a change of status ----------------------------------------------------- */

static void status_form(rec_state *r, tui *t)
{
    tui_form *f = r->form;
    tui_field *st = form_add(f, _("New status"), FIELD_CHOICE, 1);
    vocab_choices(st, VOCAB_STATUS, t->lang, 0);
    form_add(f, _("Date"), FIELD_DATE, 1);
    char today[11];
    date_vn(date_today(), today);
    field_set_text(&f->fields[S_DATE], today);
    form_add(f, _("Reason"), FIELD_TEXT, 1);
}

static int status_save(rec_state *r, tui *t, hd_err *err)
{
    tui_field *fl = r->form->fields;
    char *date = field_text(&fl[S_DATE]), *reason = field_text(&fl[S_REASON]);
    int rc = child_set_status(t->db, r->child_id, fl[S_STATUS].choice, date, reason, "manual",
                              err);
    free(date);
    free(reason);
    return rc;
}

/* ---- the village ------------------------------------------------------------ */

static void village_form(rec_state *r, tui *t)
{
    tui_form *f = r->form;
    form_add(f, _("Village name"), FIELD_TEXT, 1);
    tui_field *k = form_add(f, _("Kind"), FIELD_CHOICE, 1);
    vocab_choices(k, VOCAB_VILLAGE_KIND, t->lang, 0);
    k->choice = VKIND_THON;
    form_add(f, _("Party branch"), FIELD_TEXT, 0);
    form_add(f, _("Branch secretary"), FIELD_TEXT, 0);
}

static void village_fill(rec_state *r)
{
    tui_field *fl = r->form->fields;
    const hd_village *v = &r->village;
    field_set_text(&fl[V_NAME], v->name);
    fl[V_KIND].choice = v->kind;
    field_set_text(&fl[V_BRANCH], v->branch_name);
    field_set_text(&fl[V_SECRETARY], v->branch_secretary);
}

static int village_save(rec_state *r, tui *t, hd_err *err)
{
    tui_field *fl = r->form->fields;
    hd_village *v = &r->village;
    char **texts[] = {&v->name, &v->branch_name, &v->branch_secretary};
    const int at[] = {V_NAME, V_BRANCH, V_SECRETARY};
    for (size_t i = 0; i < HD_ARRAY_LEN(at); i++) {
        free(*texts[i]);
        *texts[i] = field_text(&fl[at[i]]);
    }
    v->kind = fl[V_KIND].choice;
    return v->id ? village_update(t->db, v, err) : village_insert(t->db, v, err);
}

/* ---- the committee member ----------------------------------------------------- */

static void member_form(rec_state *r, tui *t)
{
    tui_form *f = r->form;
    form_add(f, _("Full name"), FIELD_TEXT, 1);
    vocab_choices(form_add(f, _("Organisation"), FIELD_CHOICE, 1), VOCAB_ORG, t->lang, 0);
    tui_field *role = form_add(f, _("Committee role"), FIELD_CHOICE, 1);
    vocab_choices(role, VOCAB_CROLE, t->lang, 0);
    role->choice = CROLE_MEMBER; /* most members hold no office */
    load_choices(r, t, LIST_VILLAGES, form_add(f, _("Village in charge"), FIELD_CHOICE, 0), 1);
    load_choices(r, t, LIST_SCHOOLS, form_add(f, _("School"), FIELD_CHOICE, 0), 1);
    form_add(f, _("Phone"), FIELD_PHONE, 0);
    /* the label is the core's field name, so its "login: …" lands here */
    form_add(f, _("Login"), FIELD_TEXT, 0);
}

static void member_fill(rec_state *r)
{
    tui_field *fl = r->form->fields;
    const hd_member *m = &r->member;
    field_set_text(&fl[M_NAME], m->full_name);
    fl[M_ORG].choice = m->org;
    fl[M_ROLE].choice = m->committee_role;
    fl[M_VILLAGE].choice = choice_of(r, &fl[M_VILLAGE], m->village_id);
    fl[M_SCHOOL].choice = choice_of(r, &fl[M_SCHOOL], m->school_id);
    field_set_text(&fl[M_PHONE], m->phone);
    field_set_text(&fl[M_LOGIN], m->login);
}

/* The id a choice stands for; a choice still unset (the record's village or
 * school is archived, or beyond the choices loaded) keeps the one read, so
 * saving a form never drops a link the user did not touch. */
static int64_t kept_id(const rec_state *r, const tui_field *fl, int64_t was)
{
    return fl->choice < 0 ? was : id_of(r, fl);
}

static int member_save(rec_state *r, tui *t, hd_err *err)
{
    tui_field *fl = r->form->fields;
    hd_member *m = &r->member;
    char **texts[] = {&m->full_name, &m->phone, &m->login};
    const int at[] = {M_NAME, M_PHONE, M_LOGIN};
    for (size_t i = 0; i < HD_ARRAY_LEN(at); i++) {
        free(*texts[i]);
        *texts[i] = field_text(&fl[at[i]]);
    }
    m->org = fl[M_ORG].choice;
    m->committee_role = fl[M_ROLE].choice;
    m->village_id = kept_id(r, &fl[M_VILLAGE], m->village_id);
    m->school_id = kept_id(r, &fl[M_SCHOOL], m->school_id);
    int rc = m->id ? member_update(t->db, m, err) : member_insert(t->db, m, err);
    /* the database refuses a login used twice with SQLite's own words; say
     * it in the user's, at the field */
    if (rc < 0 && rc != HD_CONFLICT && strstr(err->msg, "member.login"))
        hd_fail(err, "%s: %s", fl[M_LOGIN].label,
                _("another member already has this login name"));
    return rc;
}

/* ---- the school --------------------------------------------------------------- */

/* The levels as stored ("primary,lower_secondary"; an imported file may
 * have written labels or synonyms) as a bit set of hd_level. */
static unsigned levels_parse(const char *text)
{
    unsigned bits = 0;
    char *copy = xstrdup(text ? text : ""), *save = NULL;
    for (char *p = strtok_r(copy, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
        int l = model_lookup(VOCAB_LEVEL, str_trim(p));
        if (l >= 0)
            bits |= 1u << l;
    }
    free(copy);
    return bits;
}

/* The codes of the levels set, comma-separated, as the lists read them. */
static char *levels_codes(unsigned bits)
{
    strbuf sb = {0};
    for (int l = 0; l < LEVEL_COUNT; l++)
        if (bits & (1u << l))
            sb_addf(&sb, "%s%s", sb.len ? "," : "", model_code(VOCAB_LEVEL, l));
    return sb.buf ? sb_detach(&sb) : xstrdup("");
}

static void school_form(rec_state *r, tui *t)
{
    tui_form *f = r->form;
    form_add(f, _("School name"), FIELD_TEXT, 1);
    vocab_choices(form_add(f, _("Levels"), FIELD_FLAGS, 0), VOCAB_LEVEL, t->lang, 0);
    form_add(f, _("Address"), FIELD_TEXT, 0);
}

static void school_fill(rec_state *r)
{
    tui_field *fl = r->form->fields;
    const hd_school *s = &r->school;
    field_set_text(&fl[SC_NAME], s->name);
    r->levels_read = levels_parse(s->levels);
    fl[SC_LEVELS].flags = r->levels_read;
    field_set_text(&fl[SC_ADDRESS], s->address);
}

static int school_save(rec_state *r, tui *t, hd_err *err)
{
    tui_field *fl = r->form->fields;
    hd_school *s = &r->school;
    char **texts[] = {&s->name, &s->address};
    const int at[] = {SC_NAME, SC_ADDRESS};
    for (size_t i = 0; i < HD_ARRAY_LEN(at); i++) {
        free(*texts[i]);
        *texts[i] = field_text(&fl[at[i]]);
    }
    /* levels left as they were keep their stored text, even words that are
     * no level, rather than losing them to a rewrite */
    if (!s->id || fl[SC_LEVELS].flags != r->levels_read) {
        free(s->levels);
        s->levels = levels_codes(fl[SC_LEVELS].flags);
    }
    return s->id ? school_update(t->db, s, err) : school_insert(t->db, s, err);
}

/* ---- the screen ------------------------------------------------------------- */

static void rec_draw(tui_screen *s, tui *t, int top, int height)
{
    rec_state *r = s->st;
    form_draw(r->form, t, top, height);
}

static int rec_write(rec_state *r, tui *t, hd_err *err)
{
    switch (r->kind) {
    case REC_CHILD: return child_save(r, t, err);
    case REC_HOUSEHOLD: return household_save(r, t, err);
    case REC_VILLAGE: return village_save(r, t, err);
    case REC_MEMBER: return member_save(r, t, err);
    case REC_SCHOOL: return school_save(r, t, err);
    default: return status_save(r, t, err);
    }
}

static int rec_write_cb(void *ctx, tui *t, hd_err *err)
{
    return rec_write(ctx, t, err);
}

static void rec_key(tui_screen *s, tui *t, tui_action a, tui_key k)
{
    rec_state *r = s->st;
    if (form_screen_key(r->form, t, a, k) == FORM_SAVE)
        form_screen_save(r->form, t, rec_write_cb, NULL, r);
}

static void rec_free(tui_screen *s)
{
    rec_state *r = s->st;
    form_free(r->form);
    for (int i = 0; i < r->nnames; i++)
        free(r->names[i]);
    child_free(&r->child);
    household_free(&r->household);
    village_free(&r->village);
    member_free(&r->member);
    school_free(&r->school);
    free(r);
}

static const tui_screen_ops rec_ops = {
    "form", rec_actions, 1, rec_draw, rec_key, NULL, rec_free,
};

tui_screen *screen_child_form(tui *t, int64_t child_id, int64_t household_id)
{
    if (!tui_allowed(t, PERM_RECORDS, 0))
        return NULL;
    rec_state *r = xcalloc(1, sizeof *r);
    r->kind = REC_CHILD;
    hd_err err;
    if (child_id && child_get(t->db, child_id, &r->child, &err) < 0) {
        tui_message(t, ROLE_ERROR, "%s", err.msg);
        child_id = 0;
    }
    r->form = form_new(child_id ? _("Edit the child") : _("A new child"));
    child_form(r, t, child_id == 0);
    if (child_id) {
        child_fill(r);
    } else {
        r->child.household_id = household_id;
        r->child.level = -1;
        r->child.sex = -1;
    }
    return tui_screen_new(&rec_ops, r, r->form->title);
}

tui_screen *screen_household_form(tui *t, int64_t household_id, int64_t village_id)
{
    if (!tui_allowed(t, PERM_RECORDS, 0))
        return NULL;
    rec_state *r = xcalloc(1, sizeof *r);
    r->kind = REC_HOUSEHOLD;
    hd_err err;
    if (household_id && household_get(t->db, household_id, &r->household, &err) < 0) {
        tui_message(t, ROLE_ERROR, "%s", err.msg);
        household_id = 0;
    }
    r->form = form_new(household_id ? _("Edit the household") : _("A new household"));
    household_form(r, t);
    if (household_id) {
        household_fill(r);
    } else {
        r->household.village_id = village_id;
        tui_field *v = &r->form->fields[H_VILLAGE];
        v->choice = choice_of(r, v, village_id);
    }
    return tui_screen_new(&rec_ops, r, r->form->title);
}

tui_screen *screen_status_form(tui *t, int64_t child_id, const char *name)
{
    if (!tui_allowed(t, PERM_RECORDS, 0))
        return NULL;
    rec_state *r = xcalloc(1, sizeof *r);
    r->kind = REC_STATUS;
    r->child_id = child_id;
    char title[200];
    snprintf(title, sizeof title, _("Status of %s"), name);
    r->form = form_new(title);
    status_form(r, t);
    return tui_screen_new(&rec_ops, r, r->form->title);
}

tui_screen *screen_village_form(tui *t, int64_t village_id)
{
    if (!tui_allowed(t, PERM_RECORDS, 0))
        return NULL;
    rec_state *r = xcalloc(1, sizeof *r);
    r->kind = REC_VILLAGE;
    hd_err err;
    if (village_id && village_get(t->db, village_id, &r->village, &err) < 0) {
        tui_message(t, ROLE_ERROR, "%s", err.msg);
        village_id = 0;
    }
    r->form = form_new(village_id ? _("Edit the village") : _("A new village"));
    village_form(r, t);
    if (village_id)
        village_fill(r);
    return tui_screen_new(&rec_ops, r, r->form->title);
}

tui_screen *screen_member_form(tui *t, int64_t member_id, int64_t village_id)
{
    if (!tui_allowed(t, PERM_RECORDS, 0))
        return NULL;
    rec_state *r = xcalloc(1, sizeof *r);
    r->kind = REC_MEMBER;
    hd_err err;
    if (member_id && member_get(t->db, member_id, &r->member, &err) < 0) {
        tui_message(t, ROLE_ERROR, "%s", err.msg);
        member_id = 0;
    }
    r->form = form_new(member_id ? _("Edit the member") : _("A new member"));
    member_form(r, t);
    if (member_id) {
        member_fill(r);
    } else {
        r->member.village_id = village_id;
        tui_field *fl = r->form->fields;
        fl[M_VILLAGE].choice = choice_of(r, &fl[M_VILLAGE], village_id);
        fl[M_SCHOOL].choice = choice_of(r, &fl[M_SCHOOL], 0);
    }
    return tui_screen_new(&rec_ops, r, r->form->title);
}

tui_screen *screen_school_form(tui *t, int64_t school_id)
{
    if (!tui_allowed(t, PERM_RECORDS, 0))
        return NULL;
    rec_state *r = xcalloc(1, sizeof *r);
    r->kind = REC_SCHOOL;
    hd_err err;
    if (school_id && school_get(t->db, school_id, &r->school, &err) < 0) {
        tui_message(t, ROLE_ERROR, "%s", err.msg);
        school_id = 0;
    }
    r->form = form_new(school_id ? _("Edit the school") : _("A new school"));
    school_form(r, t);
    if (school_id)
        school_fill(r);
    return tui_screen_new(&rec_ops, r, r->form->title);
}
