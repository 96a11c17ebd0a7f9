/* demo_casework.c — the demo commune's case work, so that the due list, the
 * members' loads, the committee list and the branch evaluation have
 * something to show: most households with a child at risk or out of school
 * have a lead (a member of their village when there is one), some a
 * supporting teacher; some children a sponsor; each assigned household a
 * few visits, some ending in a signed commitment that was later kept or
 * broken.  Everything goes through the case-work API, so the records obey
 * the same rules as typed ones. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/casework.h"
#include "core/date.h"
#include "core/demo_int.h"
#include "core/model.h"

typedef struct cw_member {
    int64_t id, village_id, school_id;
    char *name;
} cw_member;

typedef struct cw_household {
    int64_t id, village_id;
    long since;          /* the day its first child became at risk or left */
    char *head;
} cw_household;

typedef struct cw_gen {
    hd_db *db;
    demo_rng rng;
    long today;
    cw_member *m;
    int nm;
    int *teachers;       /* indexes into m of members from a school */
    int nteachers;
} cw_gen;

static long day_of(const unsigned char *iso, long fallback)
{
    hd_date d;
    return iso && date_parse((const char *)iso, &d, NULL) == 0 ? date_to_days(d) : fallback;
}

static void iso_of(long day, char out[11])
{
    date_iso(date_from_days(day), out);
}

static int read_members(cw_gen *g, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(g->db,
        "SELECT id, coalesce(village_id, 0), coalesce(school_id, 0), full_name FROM member"
        " WHERE archived = 0 ORDER BY id");
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        g->m = xreallocarray(g->m, (size_t)g->nm + 1, sizeof *g->m);
        cw_member *m = &g->m[g->nm];
        m->id = sqlite3_column_int64(st, 0);
        m->village_id = sqlite3_column_int64(st, 1);
        m->school_id = sqlite3_column_int64(st, 2);
        m->name = db_col_text(st, 3);
        if (m->school_id) {
            g->teachers = xreallocarray(g->teachers, (size_t)g->nteachers + 1, sizeof(int));
            g->teachers[g->nteachers++] = g->nm;
        }
        g->nm++;
    }
    db_finish(g->db, st);
    return rc == SQLITE_DONE ? 0 : db_fail(g->db, err, "demo: reading the members");
}

/* Households with a child at risk or out of school now. */
static int read_households(cw_gen *g, cw_household **out, hd_err *err)
{
    sqlite3_stmt *st = db_prepare(g->db,
        "SELECT h.id, h.village_id, min(c.status_date), h.head_name FROM child c"
        " JOIN household h ON h.id = c.household_id"
        " WHERE c.status IN ('at_risk', 'dropped_out') AND c.archived = 0 AND h.archived = 0"
        " GROUP BY h.id ORDER BY h.id");
    int rc, n = 0;
    cw_household *h = NULL;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        h = xreallocarray(h, (size_t)n + 1, sizeof *h);
        h[n].id = sqlite3_column_int64(st, 0);
        h[n].village_id = sqlite3_column_int64(st, 1);
        h[n].since = day_of(sqlite3_column_text(st, 2), g->today);
        h[n].head = db_col_text(st, 3);
        n++;
    }
    db_finish(g->db, st);
    *out = h;
    return rc == SQLITE_DONE ? n : db_fail(g->db, err, "demo: reading the households");
}

/* The household's children at risk or out of school, for the visits. */
static int household_children(cw_gen *g, int64_t hid, int64_t **out)
{
    sqlite3_stmt *st = db_prepare(g->db,
        "SELECT id FROM child WHERE household_id = ?1 AND archived = 0"
        " AND status IN ('at_risk', 'dropped_out') ORDER BY id");
    sqlite3_bind_int64(st, 1, hid);
    int n = 0;
    int64_t *ids = NULL;
    while (sqlite3_step(st) == SQLITE_ROW) {
        ids = xreallocarray(ids, (size_t)n + 1, sizeof *ids);
        ids[n++] = sqlite3_column_int64(st, 0);
    }
    db_finish(g->db, st);
    *out = ids;
    return n;
}

/* A member of the village when there is one (officials and organisations
 * live there), else anyone. */
static int pick_lead(cw_gen *g, int64_t village_id)
{
    int n = 0;
    for (int i = 0; i < g->nm; i++)
        n += g->m[i].village_id == village_id;
    if (n == 0)
        return demo_below(&g->rng, g->nm);
    int k = demo_below(&g->rng, n);
    for (int i = 0; i < g->nm; i++)
        if (g->m[i].village_id == village_id && k-- == 0)
            return i;
    return 0;
}

static int assign(cw_gen *g, int64_t member_id, int64_t household_id, int64_t child_id,
                  int role, long day, hd_err *err)
{
    static const char *const why[] = {"Phân công theo dõi hộ có trẻ nguy cơ bỏ học",
                                      "Giáo viên chủ nhiệm phối hợp vận động",
                                      "Nhận đỡ đầu học sinh có hoàn cảnh khó khăn"};
    hd_assignment a = {0};
    a.member_id = member_id;
    a.household_id = household_id;
    a.child_id = child_id;
    a.role = role;
    a.season = -1;
    iso_of(day, a.start_date);
    a.reason = xstrdup(why[role == AROLE_LEAD ? 0 : role == AROLE_SUPPORT ? 1 : 2]);
    int rc = assignment_add(g->db, &a, err);
    assignment_free(&a);
    return rc;
}

static const char *const purposes[] = {
    "Vận động gia đình cho con đi học đều",
    "Thăm hỏi, động viên học sinh trở lại lớp",
    "Nắm tình hình, tuyên truyền về lợi ích của việc học",
};

static const char *const family_promises[] = {
    "Cho con đi học đầy đủ, không cho con nghỉ học theo bố mẹ lên rẫy",
    "Đưa con đến trường mỗi sáng thứ Hai; báo giáo viên khi con nghỉ",
    "Không để con đi làm thuê trong mùa thu hoạch cà phê",
};

/* A commitment signed at the visit; reviewed later when its day has come. */
static int commit(cw_gen *g, const cw_household *h, const cw_member *lead, int64_t visit_id,
                  long day, hd_err *err)
{
    hd_commitment k = {0};
    k.household_id = h->id;
    k.visit_id = visit_id;
    iso_of(day, k.signed_date);
    k.family_signer = xstrdup(h->head && *h->head ? h->head : "Chủ hộ");
    k.school_signer = xstrdup(lead->name);
    k.family_commits = xstrdup(family_promises[demo_below(&g->rng, 3)]);
    k.school_commits = xstrdup("Miễn giảm học phí, tặng sách vở; theo dõi chuyên cần hằng tuần");
    long review = day + 30;
    iso_of(review, k.review_date);
    int rc = commitment_add(g->db, &k, err);
    if (rc == 0 && review <= g->today) {
        double r = demo_unit(&g->rng);
        if (r < 0.6)
            rc = commitment_set_status(g->db, &k, CSTATUS_KEPT, k.review_date,
                                       "Học sinh đi học đều sau một tháng", err);
        else if (r < 0.85)
            rc = commitment_set_status(g->db, &k, CSTATUS_BROKEN, k.review_date,
                                       "Gia đình lại cho con nghỉ học đi rẫy", err);
    }
    commitment_free(&k);
    return rc;
}

static int visits(cw_gen *g, const cw_household *h, int lead, int support, long from,
                  hd_err *err)
{
    static const int weights[] = {20, 35, 30, 15}; /* 0 to 3 visits */
    int r = demo_below(&g->rng, 100), n = 0;
    while (r >= weights[n])
        r -= weights[n++];
    if (n == 0 || from > g->today)
        return 0;
    int64_t *kids = NULL;
    int nkids = household_children(g, h->id, &kids);
    long day = from;
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        long last = g->today - (n - 1 - i) * 3;
        if (last < day)
            break;
        day = demo_day_in(&g->rng, day, day + (last - day) / (n - i));
        hd_visit v = {0};
        v.household_id = h->id;
        iso_of(day, v.date);
        int two = support >= 0 && demo_chance(&g->rng, 0.5);
        v.members = xcalloc(2, sizeof *v.members);
        v.members[0] = g->m[lead].id;
        if (two)
            v.members[1] = g->m[support].id;
        v.nmembers = 1 + two;
        if (nkids) {
            v.children = xreallocarray(NULL, (size_t)nkids, sizeof *kids);
            memcpy(v.children, kids, (size_t)nkids * sizeof *kids);
        }
        v.nchildren = nkids;
        v.purpose = xstrdup(purposes[demo_below(&g->rng, 3)]);
        double o = demo_unit(&g->rng);
        v.outcome = o < 0.6    ? OUTCOME_PROMISED
                    : o < 0.8  ? OUTCOME_NOT_HOME
                    : o < 0.92 ? OUTCOME_REFUSED
                               : OUTCOME_AWAY;
        v.notes = xstrdup(v.outcome == OUTCOME_NOT_HOME ? "Gia đình đi rẫy, hẹn quay lại" : "");
        if (demo_chance(&g->rng, 0.2))
            v.support = 1u << (demo_chance(&g->rng, 0.5) ? SUPPORT_BOOKS_CLOTHES : SUPPORT_GIFT);
        if (i == n - 1 || v.outcome == OUTCOME_NOT_HOME)
            iso_of(day + 7 * (2 + demo_below(&g->rng, 3)), v.next_followup);
        rc = visit_add(g->db, &v, err);
        if (rc == 0 && v.outcome == OUTCOME_PROMISED && demo_chance(&g->rng, 0.5))
            rc = commit(g, h, &g->m[lead], v.id, day, err);
        visit_free(&v);
        day++;
    }
    free(kids);
    return rc;
}

static int household(cw_gen *g, const cw_household *h, hd_err *err)
{
    /* about one in eight is left for the "no one assigned" list */
    if (!demo_chance(&g->rng, 0.88))
        return 0;
    long start = h->since + demo_below(&g->rng, 10);
    if (start > g->today)
        start = g->today;
    int lead = pick_lead(g, h->village_id), support = -1;
    if (assign(g, g->m[lead].id, h->id, 0, AROLE_LEAD, start, err) < 0)
        return -1;
    if (g->nteachers && demo_chance(&g->rng, 0.3)) {
        support = g->teachers[demo_below(&g->rng, g->nteachers)];
        if (support == lead)
            support = -1;
        else if (assign(g, g->m[support].id, h->id, 0, AROLE_SUPPORT, start, err) < 0)
            return -1;
    }
    return visits(g, h, lead, support, start, err);
}

/* A teacher of the child's school when there is one sponsors a third of
 * the children at risk. */
static int sponsors(cw_gen *g, hd_err *err)
{
    if (!g->nteachers)
        return 0;
    sqlite3_stmt *st = db_prepare(g->db,
        "SELECT id, coalesce(school_id, 0), status_date FROM child"
        " WHERE status = 'at_risk' AND archived = 0 ORDER BY id");
    int rc, n = 0;
    struct kid { int64_t id, school; long since; } *k = NULL;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        k = xreallocarray(k, (size_t)n + 1, sizeof *k);
        k[n].id = sqlite3_column_int64(st, 0);
        k[n].school = sqlite3_column_int64(st, 1);
        k[n].since = day_of(sqlite3_column_text(st, 2), g->today);
        n++;
    }
    db_finish(g->db, st);
    if (rc != SQLITE_DONE) {
        free(k);
        return db_fail(g->db, err, "demo: reading the children");
    }
    int out = 0;
    for (int i = 0; i < n && out == 0; i++) {
        if (!demo_chance(&g->rng, 0.33))
            continue;
        int same = 0, t = g->teachers[demo_below(&g->rng, g->nteachers)];
        for (int j = 0; j < g->nteachers; j++)
            same += g->m[g->teachers[j]].school_id == k[i].school;
        for (int j = 0, pick = same ? demo_below(&g->rng, same) : -1; j < g->nteachers; j++)
            if (g->m[g->teachers[j]].school_id == k[i].school && pick-- == 0)
                t = g->teachers[j];
        long start = k[i].since + demo_below(&g->rng, 15);
        out = assign(g, g->m[t].id, 0, k[i].id, AROLE_SPONSOR,
                     start > g->today ? g->today : start, err);
    }
    free(k);
    return out;
}

int demo_casework(hd_db *db, uint64_t seed, hd_err *err)
{
    cw_gen g = {.db = db, .rng = {seed ^ 0x636173657775ull}};
    g.today = date_to_days(date_today());
    cw_household *h = NULL;
    int rc = read_members(&g, err), n = 0;
    if (rc == 0 && g.nm > 0) {
        n = read_households(&g, &h, err);
        rc = n < 0 ? -1 : 0;
    }
    for (int i = 0; rc == 0 && i < n; i++)
        rc = household(&g, &h[i], err);
    if (rc == 0 && g.nm > 0)
        rc = sponsors(&g, err);
    for (int i = 0; i < n; i++)
        free(h[i].head);
    free(h);
    for (int i = 0; i < g.nm; i++)
        free(g.m[i].name);
    free(g.m);
    free(g.teachers);
    return rc;
}
