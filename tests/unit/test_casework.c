/* Unit tests for case work: assignments and reassignment, visits and the
 * status they write, commitments, reports, due and overdue, the chair's
 * views.  Every refusal is checked to say why and to save nothing.
 * Today is 24/11/2026 (HUYDONG_TODAY, as `make check-unit` sets it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/authz.h"
#include "core/casework.h"
#include "core/registry.h"
#include "testdb.h"

/* ---- a small commune -------------------------------------------------------- */

typedef struct commune {
    testdb *t;
    int64_t v1, v2;          /* villages */
    int64_t h1, h2, h3;      /* h1, h3 in v1; h2 in v2 */
    int64_t c1, c2, c3, c4;  /* c1 at risk (h1), c2 dropped out (h2), c3 enrolled (h3),
                              * c4 at risk (h1) */
    int64_t school;
    int64_t m1, m2, m3, m4;  /* m1 of v1, m2 of v2 and the school, m3 archived, m4 of v2 */
} commune;

static int64_t child(testdb *t, int64_t hh, const char *name, int status, const char *since,
                     int64_t school)
{
    hd_child c = {.household_id = hh, .full_name = xstrdup(name), .sex = SEX_FEMALE,
                  .birth_year = 2013, .level = LEVEL_LOWER_SECONDARY, .school_id = school};
    hd_err err;
    int rc = child_insert(t->db, &c, status, since, "", "test", &err);
    if (rc)
        fprintf(stderr, "%s\n", err.msg);
    assert_int_equal(rc, 0);
    int64_t id = c.id;
    child_free(&c);
    return id;
}

static int64_t member(testdb *t, const char *name, int64_t village_id, int64_t school,
                      int archived)
{
    hd_member m = {.full_name = xstrdup(name), .org = ORG_COMMUNE, .committee_role = CROLE_MEMBER,
                   .village_id = village_id, .school_id = school, .archived = archived};
    hd_err err;
    assert_int_equal(member_insert(t->db, &m, &err), 0);
    int64_t id = m.id;
    member_free(&m);
    return id;
}

static commune *commune_new(void)
{
    commune *k = xcalloc(1, sizeof *k);
    k->t = testdb_new();
    testdb *t = k->t;
    hd_school s = {.name = xstrdup("THCS Ia Dom")};
    hd_err err;
    assert_int_equal(school_insert(t->db, &s, &err), 0);
    k->school = s.id;
    school_free(&s);
    k->v1 = testdb_village(t, "Thôn 1");
    k->v2 = testdb_village(t, "Làng Ia Bang");
    k->h1 = testdb_household(t, k->v1, "Nguyễn Văn Ba");
    k->h2 = testdb_household(t, k->v2, "Rơ Châm Khoa");
    k->h3 = testdb_household(t, k->v1, "Ksor Nhiên");
    k->c1 = child(t, k->h1, "Nguyễn Thị Ánh Đào", STATUS_AT_RISK, "2026-10-01", k->school);
    k->c2 = child(t, k->h2, "Rơ Châm H'Nga", STATUS_DROPPED_OUT, "2026-11-02", k->school);
    k->c3 = child(t, k->h3, "Ksor Y Thuân", STATUS_ENROLLED, "2026-09-05", 0);
    k->c4 = child(t, k->h1, "Nguyễn Văn Tú", STATUS_AT_RISK, "2026-11-20", 0);
    k->m1 = member(t, "Rơ Mah Hlin", k->v1, 0, 0);
    k->m2 = member(t, "Nguyễn Thị Lan", k->v2, k->school, 0);
    k->m3 = member(t, "Trần Văn Cũ", k->v1, 0, 1);
    k->m4 = member(t, "Ksor Y Bhăm", k->v2, 0, 0);
    return k;
}

static void commune_free(commune *k)
{
    testdb_free(k->t);
    free(k);
}

static long audit_rows(commune *k)
{
    return testdb_long(k->t, "SELECT count(*) FROM audit");
}

/* ---- helpers to write case work -------------------------------------------- */

static int assign(commune *k, int64_t member_id, int64_t hh, int64_t ch, int role,
                  const char *from, const char *reason, hd_err *err)
{
    hd_assignment a = {.member_id = member_id, .household_id = hh, .child_id = ch, .role = role,
                       .season = -1, .reason = xstrdup(reason ? reason : "")};
    snprintf(a.start_date, sizeof a.start_date, "%s", from ? from : "");
    int rc = assignment_add(k->t->db, &a, err);
    int64_t id = a.id;
    assignment_free(&a);
    return rc < 0 ? rc : (int)id;
}

static int visit(commune *k, int64_t hh, int64_t member_id, const char *date, int outcome,
                 int64_t child_id, const char *next, hd_err *err)
{
    int64_t members[1] = {member_id}, children[1] = {child_id};
    hd_visit v = {.household_id = hh, .members = members, .nmembers = 1,
                  .children = children, .nchildren = child_id ? 1 : 0, .outcome = outcome};
    snprintf(v.date, sizeof v.date, "%s", date);
    snprintf(v.next_followup, sizeof v.next_followup, "%s", next ? next : "");
    int rc = visit_add(k->t->db, &v, err);
    free(v.purpose);
    free(v.notes);
    return rc < 0 ? rc : (int)v.id;
}

static hd_cw_opts opts(void)
{
    hd_cw_opts o;
    cw_opts_init(&o, NULL); /* 30 days between visits, 7 to answer a report */
    return o;
}

/* The due items (whole committee or a member), as "kind:YYYY-MM-DD[!]" joined. */
static char *due_text(commune *k, int64_t member_id, int overdue_only)
{
    hd_cw_opts o = opts();
    hd_due_filter f = {.member_id = member_id, .overdue_only = overdue_only};
    hd_due_item *d;
    hd_err err;
    int n = due_list(k->t->db, &o, &f, &d, &err);
    assert_true(n >= 0);
    strbuf sb = {0};
    for (int i = 0; i < n; i++)
        sb_addf(&sb, "%s%d:%s%s", i ? " " : "", d[i].kind, d[i].due_date, d[i].overdue ? "!" : "");
    due_items_free(d, n);
    return sb.buf ? sb_detach(&sb) : xstrdup("");
}

/* ---- visits ------------------------------------------------------------------- */

static void test_visit_in_future_refused(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    long before = audit_rows(k);
    assert_int_equal(visit(k, k->h1, k->m1, "2026-11-25", OUTCOME_PROMISED, 0, NULL, &err), -1);
    assert_string_equal(err.msg, "date: 25/11/2026 is in the future");
    assert_int_equal(testdb_long(k->t, "SELECT count(*) FROM visit"), 0);
    assert_int_equal(audit_rows(k), before);
    /* today is fine */
    assert_true(visit(k, k->h1, k->m1, "2026-11-24", OUTCOME_PROMISED, 0, NULL, &err) > 0);
    commune_free(k);
}

static void test_followup_before_visit_refused(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    long before = audit_rows(k);
    assert_int_equal(visit(k, k->h1, k->m1, "2026-11-20", OUTCOME_PROMISED, 0, "2026-11-19", &err),
                     -1);
    assert_string_equal(err.msg, "next follow-up: 19/11/2026 is before the visit (20/11/2026)");
    assert_int_equal(testdb_long(k->t, "SELECT count(*) FROM visit"), 0);
    assert_int_equal(audit_rows(k), before);
    /* the same day, or a day already past when the visit is entered late: fine */
    assert_true(visit(k, k->h1, k->m1, "2026-11-10", OUTCOME_PROMISED, 0, "2026-11-10", &err) > 0);
    commune_free(k);
}

static void test_visit_needs_what_it_names(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    hd_visit v = {.household_id = k->h1, .outcome = OUTCOME_REFUSED};
    snprintf(v.date, sizeof v.date, "2026-11-20");
    assert_int_equal(visit_add(k->t->db, &v, &err), -1);
    assert_string_equal(err.msg, "members: who went? at least one member is required");
    visit_free(&v);
    /* a child of another household */
    assert_int_equal(visit(k, k->h1, k->m1, "2026-11-20", OUTCOME_PROMISED, k->c2, NULL, &err), -1);
    assert_string_equal(err.msg, "children: Rơ Châm H'Nga is not of this household");
    /* "returned" names the children who returned */
    assert_int_equal(visit(k, k->h2, k->m1, "2026-11-20", OUTCOME_RETURNED, 0, NULL, &err), -1);
    assert_string_equal(err.msg, "children: name the children who returned to school");
    /* ... who were out of school, and not since changed */
    assert_int_equal(visit(k, k->h3, k->m1, "2026-11-20", OUTCOME_RETURNED, k->c3, NULL, &err), -1);
    assert_string_equal(err.msg, "children: Ksor Y Thuân is already in school");
    assert_int_equal(visit(k, k->h2, k->m1, "2026-11-01", OUTCOME_RETURNED, k->c2, NULL, &err), -1);
    assert_string_equal(err.msg, "children: Rơ Châm H'Nga's status changed on 02/11/2026, "
                                 "after this visit");
    assert_int_equal(testdb_long(k->t, "SELECT count(*) FROM visit"), 0);
    assert_int_equal(testdb_long(k->t, "SELECT count(*) FROM child_status"), 4);
    commune_free(k);
}

static void test_returned_writes_status_with_source(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    int id = visit(k, k->h2, k->m2, "2026-11-21", OUTCOME_RETURNED, k->c2, NULL, &err);
    assert_true(id > 0);
    hd_visit v;
    assert_int_equal(visit_get(k->t->db, id, &v, &err), 0);
    hd_child c;
    assert_int_equal(child_get(k->t->db, k->c2, &c, &err), 0);
    assert_int_equal(c.status, STATUS_RETURNED);
    assert_string_equal(c.status_date, "2026-11-21");
    child_free(&c);
    hd_status_entry *e;
    int n = child_history(k->t->db, k->c2, &e, &err);
    assert_int_equal(n, 2);
    char source[48];
    snprintf(source, sizeof source, "visit:%s", v.uid);
    assert_string_equal(e[1].source, source);
    assert_string_equal(e[1].date, "2026-11-21");
    assert_string_equal(e[1].reason, "returned after a home visit");
    status_entries_free(e, n);
    visit_free(&v);
    /* any other outcome leaves the status alone, children named or not */
    assert_true(visit(k, k->h1, k->m1, "2026-11-22", OUTCOME_PROMISED, k->c1, NULL, &err) > 0);
    assert_int_equal(testdb_long(k->t, "SELECT count(*) FROM child_status WHERE child_id = 1"), 1);
    assert_int_equal(testdb_long(k->t, "SELECT count(*) FROM child_status"), 5);
    commune_free(k);
}

/* Two members saving visits to one household at once: each connection adds
 * its own; nothing is overwritten and the household's version is unmoved
 * (a household form open elsewhere can still be saved). */
static void test_two_visits_same_household_both_kept(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    hd_db *other = db_open(k->t->path, "other", 0, &err);
    if (other)
        authz_as_system(other);
    assert_non_null(other);
    hd_household before;
    assert_int_equal(household_get(k->t->db, k->h1, &before, &err), 0);
    int64_t m_a[1] = {k->m1}, m_b[1] = {k->m4};
    hd_visit a = {.household_id = k->h1, .members = m_a, .nmembers = 1,
                  .outcome = OUTCOME_PROMISED, .next_followup = "2026-12-01"};
    hd_visit b = {.household_id = k->h1, .members = m_b, .nmembers = 1,
                  .outcome = OUTCOME_NOT_HOME, .next_followup = "2026-11-27"};
    snprintf(a.date, sizeof a.date, "2026-11-23");
    snprintf(b.date, sizeof b.date, "2026-11-23");
    assert_int_equal(visit_add(k->t->db, &a, &err), 0);
    assert_int_equal(visit_add(other, &b, &err), 0);
    assert_string_not_equal(a.uid, b.uid);
    assert_int_equal(testdb_long(k->t, "SELECT count(*) FROM visit WHERE household_id = 1"), 2);
    assert_int_equal(testdb_long(k->t, "SELECT count(*) FROM visit_member"), 2);
    /* the same day, the sooner follow-up is the household's; a third visit
     * that day without one cancels neither */
    assert_int_equal(testdb_long(k->t, "SELECT visit_id FROM visit_latest WHERE household_id = 1"),
                     b.id);
    assert_true(visit(k, k->h1, k->m2, "2026-11-23", OUTCOME_REFUSED, 0, NULL, &err) > 0);
    char *s = due_text(k, 0, 0);
    assert_string_equal(s, "0:2026-11-27");
    free(s);
    /* each of the three has the household in their agenda */
    s = due_text(k, k->m1, 0);
    assert_string_equal(s, "0:2026-11-27");
    free(s);
    s = due_text(k, k->m2, 0);
    assert_string_equal(s, "0:2026-11-27");
    free(s);
    assert_int_equal(testdb_long(k->t, "SELECT version FROM household WHERE id = 1"),
                     before.version);
    household_free(&before);
    free(a.purpose);
    free(a.notes);
    free(b.purpose);
    free(b.notes);
    db_close(other);
    commune_free(k);
}

static void test_visit_links_are_history(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    assert_true(visit(k, k->h1, k->m1, "2026-11-20", OUTCOME_PROMISED, k->c1, NULL, &err) > 0);
    assert_int_not_equal(db_exec(k->t->db, "UPDATE visit_member SET member_id = 2", &err), 0);
    assert_int_not_equal(db_exec(k->t->db, "DELETE FROM visit_child", &err), 0);
    assert_int_equal(testdb_long(k->t, "SELECT count(*) FROM audit WHERE tbl = 'visit'"
                                       " AND action = 'insert'"), 1);
    hd_visit_row *r;
    int n = visit_list(k->t->db, "child", k->c1, &r, &err);
    assert_int_equal(n, 1);
    assert_string_equal(r[0].members, "Rơ Mah Hlin");
    assert_string_equal(r[0].children, "Nguyễn Thị Ánh Đào");
    visit_rows_free(r, n);
    commune_free(k);
}

/* ---- assignments --------------------------------------------------------------- */

static void test_archived_member_cannot_be_assigned(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    long before = audit_rows(k);
    assert_int_equal(assign(k, k->m3, k->h1, 0, AROLE_LEAD, NULL, NULL, &err), -1);
    assert_string_equal(err.msg, "member: Trần Văn Cũ is archived and cannot be assigned");
    assert_int_equal(assign(k, k->m3, 0, k->c1, AROLE_SPONSOR, NULL, NULL, &err), -1);
    assert_int_equal(testdb_long(k->t, "SELECT count(*) FROM assignment"), 0);
    assert_int_equal(audit_rows(k), before);
    commune_free(k);
}

static void test_one_lead_and_reassignment_history(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    int a1 = assign(k, k->m1, k->h1, 0, AROLE_LEAD, "2026-10-01", "cùng thôn", &err);
    assert_true(a1 > 0);
    /* a second lead replaces the first, and must say why */
    long before = audit_rows(k);
    assert_int_equal(assign(k, k->m2, k->h1, 0, AROLE_LEAD, "2026-11-20", "", &err), -1);
    assert_string_equal(err.msg, "reason: required to replace the lead (Rơ Mah Hlin)");
    assert_int_equal(assign(k, k->m2, k->h1, 0, AROLE_LEAD, "2026-09-01", "x", &err), -1);
    assert_string_equal(err.msg, "from: 01/09/2026 is before the assignment it replaces began "
                                 "(01/10/2026)");
    assert_int_equal(assign(k, k->m1, k->h1, 0, AROLE_LEAD, NULL, "x", &err), -1);
    assert_string_equal(err.msg, "member: Rơ Mah Hlin is already the lead of this household");
    assert_int_equal(audit_rows(k), before);
    int a2 = assign(k, k->m2, k->h1, 0, AROLE_LEAD, "2026-11-20", "chuyển công tác", &err);
    assert_true(a2 > 0);
    hd_assignment old;
    assert_int_equal(assignment_get(k->t->db, a1, &old, &err), 0);
    assert_string_equal(old.end_date, "2026-11-20");
    assert_string_equal(old.end_reason, "chuyển công tác");
    assignment_free(&old);
    /* the history: who, from when, until when, why */
    hd_assign_row *r;
    int n = assignment_history(k->t->db, "household", k->h1, &r, &err);
    assert_int_equal(n, 2);
    assert_string_equal(r[0].member, "Nguyễn Thị Lan");
    assert_string_equal(r[0].end_date, "");
    assert_string_equal(r[1].member, "Rơ Mah Hlin");
    assert_string_equal(r[1].start_date, "2026-10-01");
    assert_string_equal(r[1].end_date, "2026-11-20");
    assign_rows_free(r, n);
    /* the database itself holds one open lead per household */
    assert_int_not_equal(db_exec(k->t->db,
        "INSERT INTO assignment(uid, member_id, household_id, role, start_date)"
        " VALUES ('x', 1, 1, 'lead', '2026-11-21')", &err), 0);
    assert_int_equal(testdb_long(k->t, "SELECT count(*) FROM audit WHERE tbl = 'assignment'"
                                       " AND field = 'end_date'"), 1);
    commune_free(k);
}

static void test_support_and_promotion(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    assert_true(assign(k, k->m1, k->h1, 0, AROLE_LEAD, NULL, NULL, &err) > 0);
    int s = assign(k, k->m4, k->h1, 0, AROLE_SUPPORT, NULL, NULL, &err);
    assert_true(s > 0);
    assert_int_equal(assign(k, k->m4, k->h1, 0, AROLE_SUPPORT, NULL, NULL, &err), -1);
    assert_string_equal(err.msg, "member: Ksor Y Bhăm already supports this household");
    /* the supporting member becomes the lead: both old rows end */
    assert_true(assign(k, k->m4, k->h1, 0, AROLE_LEAD, NULL, "Hlin nghỉ", &err) > 0);
    assert_int_equal(testdb_long(k->t, "SELECT count(*) FROM assignment WHERE household_id = 1"
                                       " AND end_date IS NULL"), 1);
    assert_int_equal(testdb_long(k->t, "SELECT member_id FROM assignment WHERE household_id = 1"
                                       " AND end_date IS NULL"), k->m4);
    commune_free(k);
}

static void test_sponsor_and_season(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    assert_true(assign(k, k->m2, 0, k->c1, AROLE_SPONSOR, NULL, NULL, &err) > 0);
    assert_int_equal(assign(k, k->m4, 0, k->c1, AROLE_SPONSOR, NULL, "", &err), -1);
    assert_string_equal(err.msg, "reason: required to replace the sponsor (Nguyễn Thị Lan)");
    assert_int_equal(assign(k, k->m4, 0, k->c1, AROLE_LEAD, NULL, "", &err), -1);
    assert_string_equal(err.msg, "role: a member sponsors a child");
    /* a season may be planned ahead; the same one twice is refused */
    hd_assignment a = {.member_id = k->m2, .village_id = k->v1, .role = AROLE_SEASON,
                       .season = SEASON_AUGUST, .start_date = "2027-08-01",
                       .end_date = "2027-08-31"};
    assert_int_equal(assignment_add(k->t->db, &a, &err), 0);
    assignment_free(&a);
    hd_assignment b = {.member_id = k->m2, .village_id = k->v1, .role = AROLE_SEASON,
                       .season = SEASON_AUGUST, .start_date = "2027-08-15"};
    assert_int_equal(assignment_add(k->t->db, &b, &err), -1);
    assert_string_equal(err.msg, "member: Nguyễn Thị Lan is already assigned to this village "
                                 "for that season");
    assignment_free(&b);
    /* a household's assignment cannot start in the future */
    assert_int_equal(assign(k, k->m1, k->h2, 0, AROLE_LEAD, "2026-12-01", NULL, &err), -1);
    assert_string_equal(err.msg, "from: 01/12/2026 is in the future");
    commune_free(k);
}

static void test_end_assignment(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    int id = assign(k, k->m1, k->h1, 0, AROLE_LEAD, "2026-10-01", NULL, &err);
    assert_int_equal(assignment_end(k->t->db, id, 1, "", "", &err), -1);
    assert_string_equal(err.msg, "reason: required");
    assert_int_equal(assignment_end(k->t->db, id, 1, "2026-09-30", "x", &err), -1);
    assert_string_equal(err.msg, "date: 30/09/2026 is before the assignment began (01/10/2026)");
    assert_int_equal(assignment_end(k->t->db, id, 7, "", "chuyển đi", &err), HD_CONFLICT);
    assert_int_equal(assignment_end(k->t->db, id, 1, "", "chuyển đi", &err), 0);
    assert_int_equal(assignment_end(k->t->db, id, 2, "", "chuyển đi", &err), -1);
    assert_string_equal(err.msg, "assignment: already ended on 24/11/2026");
    commune_free(k);
}

/* ---- due and overdue ------------------------------------------------------------- */

static void test_due_and_overdue_boundaries(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    /* the children at risk are visited, so only follow-ups remain */
    visit(k, k->h1, k->m1, "2026-11-20", OUTCOME_PROMISED, 0, "2026-12-01", &err); /* +7 */
    visit(k, k->h2, k->m1, "2026-11-10", OUTCOME_PROMISED, 0, "2026-11-24", &err); /* today */
    visit(k, k->h3, k->m1, "2026-11-10", OUTCOME_PROMISED, 0, "2026-11-23", &err); /* -1 */
    char *s = due_text(k, 0, 0);
    assert_string_equal(s, "0:2026-11-23! 0:2026-11-24 0:2026-12-01");
    free(s);
    s = due_text(k, 0, 1);
    assert_string_equal(s, "0:2026-11-23!");
    free(s);
    /* one day further (a later visit moves it) is not due yet */
    visit(k, k->h1, k->m1, "2026-11-24", OUTCOME_PROMISED, 0, "2026-12-02", &err);
    s = due_text(k, 0, 0);
    assert_string_equal(s, "0:2026-11-23! 0:2026-11-24");
    free(s);
    /* a later visit without a follow-up closes it */
    visit(k, k->h3, k->m1, "2026-11-24", OUTCOME_REFUSED, 0, NULL, &err);
    s = due_text(k, 0, 1);
    assert_string_equal(s, "");
    free(s);
    commune_free(k);
}

static void test_child_at_risk_not_visited(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    /* never visited: due from the day the child became at risk */
    char *s = due_text(k, 0, 0);
    assert_string_equal(s, "1:2026-10-01! 1:2026-11-20!");
    free(s);
    /* visited 30 days ago (the interval): due today, not overdue */
    visit(k, k->h1, k->m1, "2026-10-25", OUTCOME_PROMISED, 0, NULL, &err);
    s = due_text(k, 0, 0);
    assert_string_equal(s, "1:2026-11-20! 1:2026-11-24");
    free(s);
    /* a visit before the risk began does not count: c4 (20/11) is due at once */
    visit(k, k->h1, k->m1, "2026-11-19", OUTCOME_PROMISED, 0, NULL, &err);
    s = due_text(k, 0, 0);
    assert_string_equal(s, "1:2026-11-20!");
    free(s);
    /* visited since: due 30 days later, beyond the 7 shown */
    visit(k, k->h1, k->m1, "2026-11-21", OUTCOME_PROMISED, 0, NULL, &err);
    s = due_text(k, 0, 0);
    assert_string_equal(s, "");
    free(s);
    commune_free(k);
}

static void test_member_agenda(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    assign(k, k->m1, k->h1, 0, AROLE_LEAD, NULL, NULL, &err);
    visit(k, k->h3, k->m4, "2026-11-10", OUTCOME_PROMISED, 0, "2026-11-20", &err);
    /* m1 leads h1 (two children at risk); m4 went to h3 last */
    char *s = due_text(k, k->m1, 0);
    assert_string_equal(s, "1:2026-10-01! 1:2026-11-20!");
    free(s);
    s = due_text(k, k->m4, 0);
    assert_string_equal(s, "0:2026-11-20!");
    free(s);
    s = due_text(k, k->m2, 0);
    assert_string_equal(s, "");
    free(s);
    /* the responsible member is named */
    hd_cw_opts o = opts();
    hd_due_filter f = {.limit = 1};
    hd_due_item *d;
    assert_int_equal(due_list(k->t->db, &o, &f, &d, &err), 1);
    assert_string_equal(d[0].responsible, "Rơ Mah Hlin");
    assert_string_equal(d[0].child, "Nguyễn Thị Ánh Đào");
    due_items_free(d, 1);
    int total, late;
    assert_int_equal(due_count(k->t->db, &o, &(hd_due_filter){0}, &total, &late, &err), 0);
    assert_int_equal(total, 3);
    assert_int_equal(late, 3);
    commune_free(k);
}

static void test_commitment_review_due(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    hd_commitment c = {.household_id = k->h3, .family_signer = xstrdup("Ksor Nhiên"),
                       .school_signer = xstrdup("Nguyễn Thị Lan"),
                       .family_commits = xstrdup("cho Thuân đi học đều"),
                       .signed_date = "2026-11-01", .review_date = "2026-10-30"};
    assert_int_equal(commitment_add(k->t->db, &c, &err), -1);
    assert_string_equal(err.msg, "review: 30/10/2026 is before the signing (01/11/2026)");
    snprintf(c.review_date, sizeof c.review_date, "2026-11-22");
    assert_int_equal(commitment_add(k->t->db, &c, &err), 0);
    hd_cw_opts o = opts();
    hd_due_filter f = {.kinds = 1u << DUE_REVIEW};
    hd_due_item *d;
    assert_int_equal(due_list(k->t->db, &o, &f, &d, &err), 1);
    assert_int_equal(d[0].overdue, 1);
    assert_string_equal(d[0].ref_uid, c.uid);
    due_items_free(d, 1);
    /* kept: no longer reviewed */
    assert_int_equal(commitment_set_status(k->t->db, &c, CSTATUS_KEPT, "", "đi học đủ", &err), 0);
    assert_int_equal(due_list(k->t->db, &o, &f, &d, &err), 0);
    due_items_free(d, 0);
    commitment_free(&c);
    commune_free(k);
}

/* ---- commitments ------------------------------------------------------------------ */

static void test_commitment_status_history(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    hd_commitment c = {.household_id = k->h1, .child_id = k->c1,
                       .family_signer = xstrdup("Nguyễn Văn Ba"), .school_signer = xstrdup(""),
                       .family_commits = xstrdup("cho Đào đi học"), .signed_date = "2026-11-01"};
    long before = audit_rows(k);
    assert_int_equal(commitment_add(k->t->db, &c, &err), -1);
    assert_string_equal(err.msg, "school signer: required (who signed for the school)");
    c.child_id = k->c2;
    free(c.school_signer);
    c.school_signer = xstrdup("Rơ Mah Hlin");
    assert_int_equal(commitment_add(k->t->db, &c, &err), -1);
    assert_string_equal(err.msg, "child: not of this household");
    assert_int_equal(audit_rows(k), before);
    c.child_id = k->c1;
    assert_int_equal(commitment_add(k->t->db, &c, &err), 0);
    assert_int_equal(c.status, CSTATUS_ACTIVE);
    assert_int_equal(commitment_set_status(k->t->db, &c, CSTATUS_BROKEN, "", "", &err), -1);
    assert_string_equal(err.msg, "note: required (why the status changes)");
    assert_int_equal(commitment_set_status(k->t->db, &c, CSTATUS_ACTIVE, "", "x", &err), -1);
    assert_int_equal(commitment_set_status(k->t->db, &c, CSTATUS_BROKEN, "2026-10-31", "x", &err),
                     -1);
    assert_string_equal(err.msg, "date: 31/10/2026 is before the last change (01/11/2026)");
    /* a stale copy conflicts */
    hd_commitment stale;
    assert_int_equal(commitment_get(k->t->db, c.id, &stale, &err), 0);
    assert_int_equal(commitment_set_status(k->t->db, &c, CSTATUS_BROKEN, "2026-11-15",
                                           "Đào lại nghỉ học", &err), 0);
    assert_int_equal(commitment_set_status(k->t->db, &stale, CSTATUS_KEPT, "", "x", &err),
                     HD_CONFLICT);
    commitment_free(&stale);
    hd_commit_event *e;
    int n = commitment_history(k->t->db, c.id, &e, &err);
    assert_int_equal(n, 2);
    assert_int_equal(e[0].status, CSTATUS_ACTIVE);
    assert_string_equal(e[0].date, "2026-11-01");
    assert_int_equal(e[1].status, CSTATUS_BROKEN);
    assert_string_equal(e[1].note, "Đào lại nghỉ học");
    commit_events_free(e, n);
    assert_int_not_equal(db_exec(k->t->db, "DELETE FROM commitment_event", &err), 0);
    commitment_free(&c);
    commune_free(k);
}

/* ---- reports -------------------------------------------------------------------- */

static int report(commune *k, const char *date, int64_t hh, int64_t ch, hd_report *out,
                  hd_err *err)
{
    hd_report r = {.household_id = hh, .child_id = ch, .reporter = xstrdup("cô Lan"),
                   .text = xstrdup("không thấy đến lớp")};
    snprintf(r.date, sizeof r.date, "%s", date);
    int rc = report_add(k->t->db, &r, err);
    if (out)
        *out = r;
    else
        report_free(&r);
    return rc;
}

static void test_report_overdue_after_n_days(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    assert_int_equal(report(k, "2026-11-20", 0, 0, NULL, &err), -1);
    assert_string_equal(err.msg, "report: about which child or household? one is required");
    assert_int_equal(report(k, "2026-11-25", k->h1, 0, NULL, &err), -1);
    assert_string_equal(err.msg, "date: 25/11/2026 is in the future");
    /* 7 days to answer: 16/11 is late since 24/11, 17/11 is due today */
    assert_int_equal(report(k, "2026-11-16", k->h3, 0, NULL, &err), 0);
    assert_int_equal(report(k, "2026-11-17", 0, k->c2, NULL, &err), 0);
    hd_cw_opts o = opts();
    hd_due_filter f = {.kinds = 1u << DUE_REPORT};
    hd_due_item *d;
    assert_int_equal(due_list(k->t->db, &o, &f, &d, &err), 2);
    assert_string_equal(d[0].due_date, "2026-11-23");
    assert_int_equal(d[0].overdue, 1);
    assert_string_equal(d[0].detail, "cô Lan: không thấy đến lớp");
    assert_string_equal(d[1].due_date, "2026-11-24");
    assert_int_equal(d[1].overdue, 0);
    assert_int_equal(d[1].household_id, k->h2); /* the child's household, filled in */
    due_items_free(d, 2);
    /* a visit answers the reports about its household dated up to it */
    assert_true(visit(k, k->h3, k->m1, "2026-11-22", OUTCOME_PROMISED, 0, NULL, &err) > 0);
    /* an assignment to the child answers the one about the child */
    assert_true(assign(k, k->m2, 0, k->c2, AROLE_SPONSOR, NULL, NULL, &err) > 0);
    f.overdue_only = 1;
    assert_int_equal(due_list(k->t->db, &o, &f, &d, &err), 0);
    due_items_free(d, 0);
    /* reported after the visit that answers it (entered late): answered at once */
    hd_report r;
    assert_int_equal(report(k, "2026-11-21", k->h3, 0, &r, &err), 0);
    assert_string_equal(r.handled_date, "2026-11-22");
    assert_string_equal(r.handled_by, "24999-T1");
    report_free(&r);
    commune_free(k);
}

/* ---- the chair's views ---------------------------------------------------------- */

static void test_member_load_counts(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    assign(k, k->m1, k->h1, 0, AROLE_LEAD, NULL, NULL, &err);
    assign(k, k->m1, k->h3, 0, AROLE_SUPPORT, NULL, NULL, &err);
    assign(k, k->m1, 0, k->c2, AROLE_SPONSOR, NULL, NULL, &err);
    hd_assignment s = {.member_id = k->m1, .village_id = k->v2, .role = AROLE_SEASON,
                       .season = SEASON_RAINY, .start_date = "2026-09-01",
                       .end_date = "2026-11-30"};
    assert_int_equal(assignment_add(k->t->db, &s, &err), 0);
    assignment_free(&s);
    visit(k, k->h3, k->m4, "2026-11-20", OUTCOME_PROMISED, 0, "2026-11-27", &err);
    hd_cw_opts o = opts();
    hd_member_load *l;
    int n = member_load_list(k->t->db, &o, &l, &err);
    assert_int_equal(n, 3); /* archived m3 left out */
    hd_member_load *m1 = NULL, *m4 = NULL;
    for (int i = 0; i < n; i++) {
        if (l[i].member_id == k->m1)
            m1 = &l[i];
        if (l[i].member_id == k->m4)
            m4 = &l[i];
    }
    assert_non_null(m1);
    assert_int_equal(m1->households, 2);
    assert_int_equal(m1->leads, 1);
    assert_int_equal(m1->children, 1);
    assert_int_equal(m1->villages, 1);
    /* h1: two children at risk (overdue); h3: the follow-up of 27/11 (due) */
    assert_int_equal(m1->due, 3);
    assert_int_equal(m1->overdue, 2);
    assert_int_equal(m4->due, 1);
    assert_int_equal(m4->overdue, 0);
    member_loads_free(l, n);
    commune_free(k);
}

static void test_unassigned_and_suggestions(void **state)
{
    (void)state;
    commune *k = commune_new();
    hd_err err;
    hd_unassigned *u;
    int n = unassigned_households(k->t->db, &u, &err);
    assert_int_equal(n, 1);
    assert_int_equal(u[0].household_id, k->h1);
    assert_int_equal(u[0].at_risk, 2);
    unassigned_free(u, n);
    n = unassigned_children(k->t->db, &u, &err);
    assert_int_equal(n, 2);
    unassigned_free(u, n);
    /* a sponsor takes one child off the list; a lead takes the household */
    assign(k, k->m2, 0, k->c1, AROLE_SPONSOR, NULL, NULL, &err);
    n = unassigned_children(k->t->db, &u, &err);
    assert_int_equal(n, 1);
    assert_int_equal(u[0].child_id, k->c4);
    unassigned_free(u, n);
    /* suggestions for h1 (Thôn 1): m1 of the same village first; m2 now
     * carries one child, so m4 comes before her */
    hd_suggestion *s;
    n = assignment_suggest(k->t->db, k->h1, 0, 5, &s, &err);
    assert_int_equal(n, 3);
    assert_int_equal(s[0].member_id, k->m1);
    assert_int_equal(s[0].same_village, 1);
    assert_int_equal(s[1].member_id, k->m4);
    assert_int_equal(s[2].member_id, k->m2);
    assert_int_equal(s[2].load, 1);
    suggestions_free(s, n);
    /* for a child: its own school counts too */
    n = assignment_suggest(k->t->db, 0, k->c2, 5, &s, &err);
    assert_int_equal(s[0].member_id, k->m2);
    assert_int_equal(s[0].same_school, 1);
    suggestions_free(s, n);
    assign(k, k->m1, k->h1, 0, AROLE_LEAD, NULL, NULL, &err);
    n = unassigned_households(k->t->db, &u, &err);
    assert_int_equal(n, 0);
    unassigned_free(u, n);
    commune_free(k);
}

static void test_words(void **state)
{
    (void)state;
    unsigned set;
    hd_err err;
    assert_int_equal(cw_support_parse("3 đủ, học bổng", &set, &err), 0);
    assert_int_equal(set, (1u << SUPPORT_BOOKS_CLOTHES) | (1u << SUPPORT_SCHOLARSHIP));
    char *t = cw_support_text(set, "en");
    assert_string_equal(t, "Scholarship, Books and clothes (3 đủ)");
    free(t);
    assert_int_equal(cw_support_parse("bánh", &set, &err), -1);
    int o;
    assert_int_equal(cw_lookup(VOCAB_OUTCOME, "khong co nha", "outcome", &o, &err), 0);
    assert_int_equal(o, OUTCOME_NOT_HOME);
    assert_int_equal(cw_lookup(VOCAB_OUTCOME, "maybe", "outcome", &o, &err), -1);
    assert_string_equal(err.msg, "outcome: 'maybe' is not one of returned, promised, refused, "
                                 "not_home, away");
    char iso[11];
    assert_int_equal(cw_date("31/02/2026", iso, "date", &err), -1);
    assert_int_equal(cw_date("1/12/2026", iso, "date", &err), 0);
    assert_string_equal(iso, "2026-12-01");
}

int main(void)
{
    /* the date the messages above name, also when run by hand */
    setenv("HUYDONG_TODAY", "2026-11-24", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_visit_in_future_refused),
        cmocka_unit_test(test_followup_before_visit_refused),
        cmocka_unit_test(test_visit_needs_what_it_names),
        cmocka_unit_test(test_returned_writes_status_with_source),
        cmocka_unit_test(test_two_visits_same_household_both_kept),
        cmocka_unit_test(test_visit_links_are_history),
        cmocka_unit_test(test_archived_member_cannot_be_assigned),
        cmocka_unit_test(test_one_lead_and_reassignment_history),
        cmocka_unit_test(test_support_and_promotion),
        cmocka_unit_test(test_sponsor_and_season),
        cmocka_unit_test(test_end_assignment),
        cmocka_unit_test(test_due_and_overdue_boundaries),
        cmocka_unit_test(test_child_at_risk_not_visited),
        cmocka_unit_test(test_member_agenda),
        cmocka_unit_test(test_commitment_review_due),
        cmocka_unit_test(test_commitment_status_history),
        cmocka_unit_test(test_report_overdue_after_n_days),
        cmocka_unit_test(test_member_load_counts),
        cmocka_unit_test(test_unassigned_and_suggestions),
        cmocka_unit_test(test_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
