/* demo.c — the demo commune and the district-scale generator.
 *
 * Everything goes through the registry API inside one write transaction and
 * draws from one seeded PRNG in a fixed order, so a seed (and today's date)
 * gives the same database every time.  The proportions are rough figures
 * for the Central Highlands: about a quarter of highland households poor,
 * one pupil in ten at risk in a year, dropout near the districts' 0.35–0.5 %
 * except in a few hot-spot villages. */
#include "core/demo.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/authz.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/demo_int.h"
#include "core/demo_names.h"
#include "core/model.h"
#include "core/registry.h"
#include "core/text.h"

/* The seed is picked so that this year's dropouts fall in two villages,
 * giving the branch evaluation something to show (for today = 2026-11-24,
 * the date the command-line tests use). */
void demo_opts_small(demo_opts *o)
{
    *o = (demo_opts){.villages = 8, .households = 120, .children = 300, .members = 25,
                     .schools = 4, .seed = 20, .history_months = 14};
}

void demo_opts_district(demo_opts *o)
{
    *o = (demo_opts){.villages = 200, .households = 40000, .children = 100000,
                     .members = 2000, .schools = 60, .seed = 2026, .history_months = 26,
                     .attendance_months = 10};
}

/* ---- villages ------------------------------------------------------------- */

enum { MIX_KINH, MIX_TOWN, MIX_JRAI, MIX_BAHNAR, MIX_NORTH, MIX_MIXED, MIX_COUNT };

/* Percent of households of each people (order of demo_eth). */
static const unsigned char demo_mixes[MIX_COUNT][DEMO_ETH_COUNT] = {
    {88, 8, 0, 0, 4}, {94, 4, 2, 0, 0},   {4, 92, 4, 0, 0},
    {3, 7, 90, 0, 0}, {6, 0, 0, 50, 44}, {55, 20, 0, 10, 15},
};

typedef struct demo_vtpl {
    int kind;
    const char *root;
    int mix;
    int highland, far, hot;
    int weight; /* relative number of households */
} demo_vtpl;

/* The demo commune; a district run starts with these too. */
static const demo_vtpl demo_commune[] = {
    {VKIND_TO_DAN_PHO, "2", MIX_TOWN, 0, 0, 0, 104},
    {VKIND_THON, "1", MIX_KINH, 0, 0, 0, 136},
    {VKIND_THON, "Đoàn Kết", MIX_MIXED, 0, 0, 0, 104},
    {VKIND_LANG, "Ia Bang", MIX_JRAI, 1, 0, 0, 128},
    {VKIND_BUON, "Ma Lăng", MIX_JRAI, 1, 1, 1, 88},
    {VKIND_PLEI, "Kép", MIX_JRAI, 1, 0, 0, 96},
    {VKIND_LANG, "Kon H'Nừng", MIX_BAHNAR, 1, 1, 0, 80},
    {VKIND_BAN, "Pa Sáng", MIX_NORTH, 1, 1, 1, 64},
};

static const char *const demo_kind_word[VKIND_COUNT][2] = {
    [VKIND_THON] = {"Thôn", "thôn"},       [VKIND_LANG] = {"Làng", "làng"},
    [VKIND_BUON] = {"Buôn", "buôn"},       [VKIND_TO_DAN_PHO] = {"Tổ dân phố", "tổ dân phố"},
    [VKIND_PLEI] = {"Plei", "plei"},       [VKIND_BAN] = {"Bản", "bản"},
};

static const char *const demo_jrai_roots[] = {
    "Ia Dêr", "Ia Pết", "Ia Tô", "Ia Khươl", "Ia Grăng", "Ơp", "Ngó", "Bông Phun",
    "Ia Mơ Nông", "Ia Krái", "Dơ Gia", "Tao Klăh", "Bi Giông", "Mơ Nang", "Klă",
    "Ia Sao", "Ia Yok", "Đê Chơ", "Lao Tơ", "Ia Hrung", "Ia Blang", "Chư Ă",
};
static const char *const demo_bahnar_roots[] = {
    "Kon Chrăh", "Đê Kjiêng", "Kon Sơ Lăl", "Đăk Pơ Kơ", "Tơ Nung", "Kon Jốp",
    "Đăk Trôi", "Kon Bông", "Hra", "Tơ Lang", "Đê Ar", "Kon Rbang",
};
static const char *const demo_north_roots[] = {
    "Na Sang", "Huổi Lếch", "Nậm Pồ", "Co Mỵ", "Hua Ná", "Pá Khoang", "Mường Luân",
    "Nà Khoa", "Si Pa Phìn", "Phìn Hồ", "Nậm Nhừ", "Pu Hao",
};
static const char *const demo_kinh_roots[] = {
    "Tân Lập", "Thống Nhất", "Hòa Bình", "Quyết Thắng", "Tân Phú", "Phú Thọ",
    "Thanh Bình", "Hưng Thịnh", "Bình Minh", "Tân Tiến", "Đồng Tâm", "Hợp Thành",
};

/* What the generator keeps of a village. */
typedef struct demo_village {
    int64_t id;
    int kind, mix, highland, far, hot, weight;
    int school[LEVEL_COUNT]; /* index among the schools of each level */
} demo_village;

typedef struct demo_hh {
    int village;
    unsigned char eth, poverty, flags, nkids;
} demo_hh;

enum { HH_AWAY = 1, HH_SEASONAL = 2, HH_FIELDS = 4 };

typedef struct demo_gen {
    hd_db *db;
    const demo_opts *o;
    demo_rng rng;
    long today;              /* day number */
    int year0, first_year;   /* current and first school year of the histories */
    int64_t *schools[LEVEL_COUNT];
    int nschools[LEVEL_COUNT];
    demo_village *vil;
    demo_hh *hh;
    int root_used[MIX_COUNT]; /* village names drawn from each list */
    char **logins;
    int nlogins;
    strbuf sb;
} demo_gen;

static const char *demo_pick(demo_gen *g, const demo_words *w)
{
    if (w->n == 0)
        return "";
    if (!w->weight)
        return w->w[demo_below(&g->rng, (int)w->n)];
    int total = 0;
    for (size_t i = 0; i < w->n; i++)
        total += w->weight[i];
    int r = demo_below(&g->rng, total);
    for (size_t i = 0; i < w->n; i++) {
        if (r < w->weight[i])
            return w->w[i];
        r -= w->weight[i];
    }
    return w->w[w->n - 1];
}

/* ---- names ------------------------------------------------------------------ */

static const char *demo_kinh_line(demo_gen *g, int female)
{
    return female ? demo_girl_names[demo_below(&g->rng, (int)demo_girl_names_count)]
                  : demo_boy_names[demo_below(&g->rng, (int)demo_boy_names_count)];
}

static void demo_given(demo_gen *g, int eth, int female, int adult)
{
    const demo_people *p = &demo_peoples[eth];
    const demo_words *w = female ? &p->female_given : &p->male_given;
    /* Younger minority children often carry Kinh given names. */
    double kinh = eth == DEMO_HMONG ? 0.0 : adult ? 0.1 : eth == DEMO_THAI ? 0.5 : 0.3;
    if (w->n == 0 || demo_chance(&g->rng, kinh)) {
        const char *line = demo_kinh_line(g, female);
        const char *sp = strrchr(line, ' ');
        sb_add(&g->sb, sp ? sp + 1 : line);
    } else {
        sb_add(&g->sb, demo_pick(g, w));
    }
}

/* A full name in g->sb: family + mark + given, the way each people writes it. */
static const char *demo_name(demo_gen *g, int eth, const char *family, int female, int adult)
{
    const demo_people *p = &demo_peoples[eth];
    sb_clear(&g->sb);
    if (*family) {
        sb_add(&g->sb, family);
        sb_addc(&g->sb, ' ');
    }
    if (eth == DEMO_KINH && !adult && demo_chance(&g->rng, 0.75)) {
        sb_add(&g->sb, demo_kinh_line(g, female));
        return sb_str(&g->sb);
    }
    const char *mark = demo_pick(g, female ? &p->female_mark : &p->male_mark);
    if (!*family)
        mark = female ? "Y " : "A "; /* Bahnar without a family name */
    sb_add(&g->sb, mark);
    size_t at = g->sb.len, mlen = strlen(mark);
    for (int tries = 0; tries < 4; tries++) { /* not "Lê Đức Đức" */
        g->sb.len = at; /* drop the last try */
        demo_given(g, eth, female, adult);
        if (!mlen || strlen(g->sb.buf + at) != mlen - 1 ||
            strncmp(g->sb.buf + at, mark, mlen - 1) != 0)
            break;
    }
    return sb_str(&g->sb);
}

static int demo_eth_of(demo_gen *g, int mix)
{
    int r = demo_below(&g->rng, 100);
    for (int e = 0; e < DEMO_ETH_COUNT; e++) {
        if (r < demo_mixes[mix][e])
            return e;
        r -= demo_mixes[mix][e];
    }
    return DEMO_KINH;
}

static int demo_main_eth(int mix)
{
    int best = 0;
    for (int e = 1; e < DEMO_ETH_COUNT; e++)
        if (demo_mixes[mix][e] > demo_mixes[mix][best])
            best = e;
    return best;
}

static char *demo_phone(demo_gen *g)
{
    static const char *const prefix[] = {"0905", "0935", "0914", "0944", "0982", "0976",
                                         "0868", "0392", "0346", "0777", "0369", "0968"};
    return xasprintf("%s %03d %03d", prefix[demo_below(&g->rng, HD_ARRAY_LEN(prefix))],
                     demo_below(&g->rng, 1000), demo_below(&g->rng, 1000));
}

/* ---- villages ------------------------------------------------------------- */

static const char *demo_root(demo_gen *g, int list, char buf[64])
{
    static const struct {
        const char *const *v;
        int n;
    } lists[] = {
        [MIX_JRAI] = {demo_jrai_roots, HD_ARRAY_LEN(demo_jrai_roots)},
        [MIX_BAHNAR] = {demo_bahnar_roots, HD_ARRAY_LEN(demo_bahnar_roots)},
        [MIX_NORTH] = {demo_north_roots, HD_ARRAY_LEN(demo_north_roots)},
        [MIX_MIXED] = {demo_kinh_roots, HD_ARRAY_LEN(demo_kinh_roots)},
    };
    int k = g->root_used[list]++;
    if (list == MIX_KINH || list == MIX_TOWN) /* numbered, after the demo's own */
        snprintf(buf, 64, "%d", k + (list == MIX_KINH ? 2 : 3));
    else if (k < lists[list].n)
        snprintf(buf, 64, "%s", lists[list].v[k]);
    else
        snprintf(buf, 64, "%s %d", lists[list].v[k % lists[list].n], k / lists[list].n + 1);
    return buf;
}

/* A village beyond the demo commune's eight. */
static demo_vtpl demo_more_village(demo_gen *g, char buf[64])
{
    static const int weights[MIX_COUNT] = {30, 5, 27, 13, 13, 12};
    int r = demo_below(&g->rng, 100), mix = 0;
    while (r >= weights[mix])
        r -= weights[mix++];
    demo_vtpl t = {VKIND_THON, NULL, mix, mix == MIX_JRAI || mix == MIX_BAHNAR || mix == MIX_NORTH,
                   0, 0, 60 + demo_below(&g->rng, 81)};
    if (mix == MIX_TOWN)
        t.kind = VKIND_TO_DAN_PHO;
    else if (mix == MIX_JRAI)
        t.kind = (int[]){VKIND_LANG, VKIND_PLEI, VKIND_BUON}[demo_below(&g->rng, 3)];
    else if (mix == MIX_BAHNAR)
        t.kind = VKIND_LANG;
    else if (mix == MIX_NORTH)
        t.kind = demo_chance(&g->rng, 0.7) ? VKIND_BAN : VKIND_THON;
    t.far = t.highland && demo_chance(&g->rng, 0.35);
    t.hot = demo_chance(&g->rng, t.highland ? 0.12 : 0.03);
    t.root = demo_root(g, mix, buf);
    return t;
}

static int demo_village_one(demo_gen *g, int i, hd_err *err)
{
    char buf[64];
    demo_vtpl t = i < (int)HD_ARRAY_LEN(demo_commune) ? demo_commune[i]
                                                      : demo_more_village(g, buf);
    const char *const *word = demo_kind_word[t.kind];
    hd_village v = {0};
    v.kind = t.kind;
    v.name = xasprintf("%s %s", word[0], t.root);
    v.branch_name = xasprintf("Chi bộ %s %s", word[1], t.root);
    int eth = demo_main_eth(t.mix);
    v.branch_secretary = xstrdup(demo_name(g, eth, demo_pick(g, &demo_peoples[eth].family),
                                           demo_chance(&g->rng, 0.2), 1));
    int rc = village_insert(g->db, &v, err);
    demo_village *dv = &g->vil[i];
    *dv = (demo_village){v.id, t.kind, t.mix, t.highland, t.far, t.hot, t.weight, {0}};
    village_free(&v);
    return rc;
}

/* ---- schools ---------------------------------------------------------------- */

static const char *const demo_school_names[] = {
    "Kim Đồng", "Nguyễn Du", "Lê Quý Đôn", "Anh hùng Núp", "Nơ Trang Lơng", "Ngô Mây",
    "Lê Văn Tám", "Nguyễn Văn Trỗi", "Võ Thị Sáu", "Trần Quốc Toản", "Lê Lợi",
    "Quang Trung", "Lý Tự Trọng", "Chu Văn An", "Nguyễn Trãi", "Trần Phú", "Hùng Vương",
    "Ngô Quyền", "Lê Hồng Phong", "Bế Văn Đàn", "Phan Đình Giót", "Tô Vĩnh Diện",
    "Cù Chính Lan", "Nguyễn Viết Xuân", "La Văn Cầu", "Lý Thường Kiệt", "Hai Bà Trưng",
    "Bà Triệu", "Trần Hưng Đạo", "Nguyễn Thị Minh Khai", "Kpă Klơng", "Wừu",
    "Phan Bội Châu", "Hoàng Hoa Thám", "Đinh Tiên Hoàng", "Võ Văn Tần",
};

static void demo_school_split(int n, int count[LEVEL_COUNT])
{
    count[LEVEL_CONTINUING] = n >= 4;
    count[LEVEL_UPPER_SECONDARY] = n / 12 > 1 ? n / 12 : 1;
    int rest = n - count[LEVEL_CONTINUING] - count[LEVEL_UPPER_SECONDARY];
    count[LEVEL_LOWER_SECONDARY] = rest / 3 > 1 ? rest / 3 : 1;
    count[LEVEL_PRIMARY] = rest - count[LEVEL_LOWER_SECONDARY];
}

static char *demo_school_name(int level, int k)
{
    static const char *const prefix[LEVEL_COUNT] = {"Trường Tiểu học", "Trường THCS",
                                                    "Trường THPT", "Trung tâm GDNN-GDTX"};
    int n = HD_ARRAY_LEN(demo_school_names);
    int j = (k + level * 7) % n; /* levels start at different names */
    if (level == LEVEL_CONTINUING)
        return k ? xasprintf("%s số %d", prefix[level], k + 1) : xstrdup(prefix[level]);
    if (k < n)
        return xasprintf("%s %s", prefix[level], demo_school_names[j]);
    return xasprintf("%s %s số %d", prefix[level], demo_school_names[j], k / n + 1);
}

static int demo_schools(demo_gen *g, hd_err *err)
{
    demo_school_split(g->o->schools, g->nschools);
    for (int l = 0; l < LEVEL_COUNT; l++) {
        g->schools[l] = xcalloc((size_t)g->nschools[l] + 1, sizeof(int64_t));
        for (int k = 0; k < g->nschools[l]; k++) {
            hd_school s = {0};
            s.name = demo_school_name(l, k);
            s.levels = xstrdup(model_code(VOCAB_LEVEL, l));
            int rc = school_insert(g->db, &s, err);
            g->schools[l][k] = s.id;
            school_free(&s);
            if (rc < 0)
                return -1;
        }
    }
    /* Neighbouring villages share a school. */
    for (int i = 0; i < g->o->villages; i++)
        for (int l = 0; l < LEVEL_COUNT; l++)
            g->vil[i].school[l] = (int)((long)i * g->nschools[l] / g->o->villages);
    return 0;
}

/* ---- members ------------------------------------------------------------------ */

/* "Nguyễn Văn Nam" -> "namnv", made unique with a number. */
static char *demo_login(demo_gen *g, const char *name)
{
    char *fold = text_fold(name);
    strbuf sb = {0};
    char *last = strrchr(fold, ' ');
    sb_add(&sb, last ? last + 1 : fold);
    for (char *w = fold; last && w < last; w = strchr(w, ' ') + 1)
        sb_addc(&sb, *w);
    free(fold);
    size_t base = sb.len;
    for (int n = 2;; n++) {
        int used = 0;
        for (int i = 0; i < g->nlogins && !used; i++)
            used = strcmp(g->logins[i], sb_str(&sb)) == 0;
        if (!used)
            break;
        sb.len = base;
        sb_addf(&sb, "%d", n);
    }
    g->logins = xreallocarray(g->logins, (size_t)g->nlogins + 1, sizeof *g->logins);
    g->logins[g->nlogins++] = xstrdup(sb_str(&sb));
    return sb_detach(&sb);
}

static int demo_member_org(int i)
{
    static const int cycle[] = {
        ORG_COMMUNE, ORG_SCHOOL, ORG_SCHOOL, ORG_WOMEN,   ORG_SCHOOL, ORG_YOUTH,
        ORG_SCHOOL,  ORG_FRONT,  ORG_SCHOOL, ORG_FARMERS, ORG_SCHOOL, ORG_VETERANS,
        ORG_COMMUNE, ORG_SCHOOL, ORG_STUDY_PROMOTION, ORG_YOUTH, ORG_SCHOOL, ORG_WOMEN,
        ORG_COMMUNE, ORG_SCHOOL, ORG_OTHER, ORG_SCHOOL,
    };
    static const int first[] = {ORG_COMMUNE, ORG_SCHOOL, ORG_COMMUNE};
    return i < 3 ? first[i] : cycle[(i - 3) % (int)HD_ARRAY_LEN(cycle)];
}

static int demo_member_one(demo_gen *g, int i, hd_err *err)
{
    hd_member m = {0};
    m.org = demo_member_org(i);
    m.committee_role = i < 3 ? (int[]){CROLE_CHAIR, CROLE_VICE_CHAIR, CROLE_SECRETARY}[i]
                             : CROLE_MEMBER;
    int v = demo_below(&g->rng, g->o->villages), eth;
    if (m.org == ORG_SCHOOL) {
        int l = i == 1 ? LEVEL_LOWER_SECONDARY : demo_below(&g->rng, LEVEL_COUNT);
        if (!g->nschools[l])
            l = LEVEL_PRIMARY;
        m.school_id = g->schools[l][demo_below(&g->rng, g->nschools[l])];
        eth = demo_chance(&g->rng, 0.75) ? DEMO_KINH : demo_eth_of(g, g->vil[v].mix);
    } else {
        m.village_id = g->vil[v].id;
        eth = demo_eth_of(g, g->vil[v].mix);
    }
    const demo_people *p = &demo_peoples[eth];
    int female = m.org == ORG_WOMEN || (m.org != ORG_VETERANS && demo_chance(&g->rng, 0.45));
    m.full_name = xstrdup(demo_name(g, eth, demo_pick(g, &p->family), female, 1));
    m.phone = demo_phone(g);
    int with_login = i < 3 || i % (g->o->members > 100 ? 10 : 4) == 1;
    m.login = with_login ? demo_login(g, m.full_name) : xstrdup("");
    if (i == 0 && g->o->chair_login) {
        free(m.login);
        m.login = xstrdup(g->o->chair_login);
    }
    int rc = member_insert(g->db, &m, err);
    /* users: the chair, two secretaries, then members and a viewer */
    if (rc == 0 && with_login) {
        int role = i == 0 ? USER_CHAIR : i < 3 ? USER_SECRETARY
                 : i == 5 ? USER_VIEWER : USER_MEMBER;
        sqlite3_stmt *st = db_prepare(g->db, "UPDATE member SET user_role = ?2 WHERE id = ?1");
        sqlite3_bind_int64(st, 1, m.id);
        sqlite3_bind_text(st, 2, authz_role_code(role), -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = db_fail(g->db, err, _("saving the user"));
        db_finish(g->db, st);
    }
    member_free(&m);
    return rc;
}

/* ---- households ---------------------------------------------------------------- */

static void demo_hh_traits(demo_gen *g, demo_hh *h)
{
    const demo_village *v = &g->vil[h->village];
    int minority = demo_peoples[h->eth].minority;
    double poor = v->highland ? 0.25 : minority ? 0.15 : 0.04;
    double near = v->highland ? 0.15 : minority ? 0.12 : 0.07;
    double r = demo_unit(&g->rng);
    h->poverty = r < poor ? POVERTY_POOR : r < poor + near ? POVERTY_NEAR_POOR : POVERTY_NONE;
    double away = (minority ? 0.06 : 0.08) * (h->poverty == POVERTY_POOR ? 1.5 : 1.0);
    if (demo_chance(&g->rng, away))
        h->flags |= HH_AWAY;
    if (demo_chance(&g->rng, v->highland && minority ? 0.35 : 0.10))
        h->flags |= HH_SEASONAL;
    if (v->highland && minority &&
        demo_chance(&g->rng, h->poverty == POVERTY_POOR ? 0.15 : 0.06))
        h->flags |= HH_FIELDS;
}

/* Households in village order (as in a census), each with one child and
 * the remaining children spread with larger minority families. */
static void demo_plan_households(demo_gen *g)
{
    int nh = g->o->households, nv = g->o->villages;
    long total = 0, acc = 0;
    for (int i = 0; i < nv; i++)
        total += g->vil[i].weight;
    g->hh = xcalloc((size_t)nh, sizeof *g->hh);
    double *cum = xcalloc((size_t)nh, sizeof *cum);
    double sum = 0;
    for (int h = 0, v = 0; h < nh; h++) {
        while (v < nv - 1 && (acc + g->vil[v].weight) * nh <= (long)h * total)
            acc += g->vil[v++].weight;
        g->hh[h].village = v;
        g->hh[h].eth = (unsigned char)demo_eth_of(g, g->vil[v].mix);
        demo_hh_traits(g, &g->hh[h]);
        g->hh[h].nkids = g->o->children >= nh || h < g->o->children;
        sum += demo_peoples[g->hh[h].eth].minority ? 1.3 : 1.0;
        cum[h] = sum;
    }
    for (int k = g->o->children - nh; k > 0; k--) {
        double x = demo_unit(&g->rng) * sum;
        int lo = 0, hi = nh - 1;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (cum[mid] <= x)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (g->hh[lo].nkids < 9)
            g->hh[lo].nkids++;
        else
            k++; /* a full household: draw again */
    }
    free(cum);
}

static char *demo_notes(unsigned flags)
{
    strbuf sb = {0};
    if (flags & HH_AWAY)
        sb_add(&sb, "Bố mẹ đi làm ăn xa, các cháu ở với ông bà");
    if (flags & HH_FIELDS)
        sb_addf(&sb, "%sGia đình thường ở chòi rẫy theo mùa vụ", sb.len ? "; " : "");
    return sb.buf ? sb_detach(&sb) : xstrdup("");
}

/* Inserts the household; its children's family name goes in family. */
static int demo_household_one(demo_gen *g, const demo_hh *h, int64_t *id, char family[64],
                              hd_err *err)
{
    static const char *const streets[] = {"Hùng Vương", "Lê Lợi", "Trần Phú",
                                          "Nguyễn Huệ", "Quang Trung", "Phạm Văn Đồng"};
    const demo_people *p = &demo_peoples[h->eth];
    const demo_village *v = &g->vil[h->village];
    snprintf(family, 64, "%s", demo_pick(g, &p->family));
    /* The Jrai are matrilineal: children carry their mother's family name. */
    int lineage_female = h->eth == DEMO_JRAI;
    int same = demo_chance(&g->rng, h->eth == DEMO_JRAI ? 0.45 : 0.85);
    const char *head_family = same ? family : demo_pick(g, &p->family);
    hd_household hh = {0};
    hh.village_id = v->id;
    hh.head_name = xstrdup(demo_name(g, h->eth, head_family, same ? lineage_female
                                                                   : !lineage_female, 1));
    hh.address = v->kind == VKIND_TO_DAN_PHO
                     ? xasprintf("Số %d đường %s", 1 + demo_below(&g->rng, 180),
                                 streets[demo_below(&g->rng, HD_ARRAY_LEN(streets))])
                     : xstrdup("");
    hh.phone = demo_chance(&g->rng, 0.6) ? demo_phone(g) : xstrdup("");
    hh.poverty = h->poverty;
    hh.ethnicity = xstrdup(p->ethnicity);
    hh.ethnic_minority = p->minority;
    hh.notes = demo_notes(h->flags);
    int rc = household_insert(g->db, &hh, err);
    *id = hh.id;
    household_free(&hh);
    return rc;
}

/* ---- children and their status histories ------------------------------------- */

enum { EV_PLAIN, EV_YEAR_START, EV_YEAR_RETURN };
enum { PATH_SCHOOL, PATH_CONTINUING, PATH_FINISHED };
enum { ST_IN, ST_OUT, ST_GONE };

typedef struct demo_event {
    int status;
    long day;
    const char *reason; /* EV_PLAIN */
    int kind, year;
} demo_event;

#define DEMO_MAX_EVENTS 80

typedef struct demo_kid {
    int female, eth, g0, rep, path, learning;
    int birth_year, grade, lag, state;
    unsigned risk;
    const char *risk_other;
    int nev;
    demo_event ev[DEMO_MAX_EVENTS];
} demo_kid;

/* What the committee writes: [factor][0 at risk, 1 dropped out][variant]. */
static const char *const demo_reasons[RISK_OTHER][2][2] = {
    [RISK_POVERTY] = {{"Gia đình khó khăn, thiếu sách vở, quần áo",
                       "Nhà nghèo, em phải ở nhà phụ giúp bố mẹ"},
                      {"Gia đình khó khăn, nghỉ học ở nhà phụ giúp bố mẹ",
                       "Nhà nghèo, không đủ tiền đi học"}},
    [RISK_PARENTS_AWAY] = {{"Bố mẹ đi làm ăn xa, em ở với ông bà",
                            "Bố mẹ đi làm thuê ở Bình Dương, không ai nhắc em đi học"},
                           {"Theo bố mẹ vào Bình Dương",
                            "Ông bà già yếu, không ai đưa đón nên bỏ học"}},
    [RISK_SEASONAL_WORK] = {{"Nghỉ học theo bố mẹ lên rẫy hái cà phê",
                             "Nghỉ học theo bố mẹ đi thu hoạch mì"},
                            {"Theo bố mẹ lên rẫy", "Theo gia đình đi hái cà phê thuê ở Đắk Lắk"}},
    [RISK_WORKING_FOR_HIRE] = {{"Nghỉ học đi làm thuê cho vườn cà phê",
                                "Nghỉ học phụ quán ăn ở thị trấn"},
                               {"Đi làm thuê ở Bình Dương", "Đi làm thuê ở quán ăn thị trấn"}},
    [RISK_LIVING_IN_FIELDS] = {{"Gia đình ở chòi rẫy, xa điểm trường",
                                "Cả nhà lên ở rẫy theo mùa vụ"},
                               {"Cả gia đình ở luôn trên rẫy", "Ở chòi rẫy xa, không đến lớp"}},
    [RISK_LEARNING_DIFFICULTY] = {{"Học lực yếu, chán học",
                                   "Đọc viết chưa thông thạo, ngại đến lớp"},
                                  {"Học lực yếu, chán học",
                                   "Lưu ban, xấu hổ với bạn nên nghỉ học"}},
    [RISK_POOR_ATTENDANCE] = {{"Nghỉ học nhiều buổi không lý do", "Nghỉ học 5 buổi liên tiếp"},
                              {"Nghỉ học kéo dài, không trở lại lớp", "Ham chơi, bỏ học"}},
    [RISK_FAR_FROM_SCHOOL] = {{"Nhà xa trường, đường lầy lội mùa mưa",
                               "Nhà xa, không có xe đạp đi học"},
                              {"Nhà xa trường, mùa mưa không đi học được",
                               "Đường xa, không có xe đi học"}},
};
static const char *const demo_return_reasons[] = {
    "Được GVCN và trưởng thôn vận động, đã đi học lại",
    "Gia đình cam kết cho em đi học lại",
    "Đã trở lại lớp sau khi BCĐ thăm gia đình",
};
static const char *const demo_transfer_reasons[] = {
    "Chuyển trường theo bố mẹ về Quảng Ngãi", "Chuyển trường về thành phố Pleiku",
    "Chuyển trường theo gia đình vào Đắk Lắk",
};
static const char *const demo_moved_reasons[] = {
    "Cả gia đình chuyển vào Bình Dương làm ăn", "Gia đình chuyển đi Bình Phước",
    "Gia đình chuyển về quê ở Thanh Hóa",
};

static long demo_day(int y, int m, int d)
{
    return date_to_days((hd_date){y, m, d});
}

static long demo_min(long a, long b)
{
    return a < b ? a : b;
}

static void demo_add(demo_kid *k, int status, long day, const char *reason, int kind, int year)
{
    if (k->nev < DEMO_MAX_EVENTS)
        k->ev[k->nev++] = (demo_event){status, day, reason, kind, year};
}

static int demo_level(const demo_kid *k)
{
    if (k->path == PATH_CONTINUING && k->grade >= 10)
        return LEVEL_CONTINUING;
    return (int)model_level_of_grade(k->grade);
}

static const char *demo_other(demo_gen *g, demo_kid *k, int age)
{
    if (!k->risk_other)
        k->risk_other = !k->female                           ? "Sức khỏe yếu, hay ốm"
                        : age >= 15 && demo_peoples[k->eth].minority ? "Lấy chồng sớm (tảo hôn)"
                                                             : "Ở nhà trông em";
    return k->risk_other;
}

/* The factors the committee records for an at-risk pupil; *main is the one
 * named in the reason (poor attendance is a symptom, named only alone). */
static unsigned demo_factors(demo_gen *g, demo_kid *k, const demo_hh *h, int age, int *main)
{
    unsigned f = 0;
    if (h->poverty == POVERTY_POOR ||
        (h->poverty == POVERTY_NEAR_POOR && demo_chance(&g->rng, 0.5)))
        f |= 1u << RISK_POVERTY;
    if (h->flags & HH_AWAY)
        f |= 1u << RISK_PARENTS_AWAY;
    if ((h->flags & HH_SEASONAL) && demo_chance(&g->rng, 0.7))
        f |= 1u << RISK_SEASONAL_WORK;
    if (h->flags & HH_FIELDS)
        f |= 1u << RISK_LIVING_IN_FIELDS;
    if (g->vil[h->village].far)
        f |= 1u << RISK_FAR_FROM_SCHOOL;
    if (k->learning)
        f |= 1u << RISK_LEARNING_DIFFICULTY;
    if (age >= 14 && demo_chance(&g->rng, 0.15))
        f |= 1u << RISK_WORKING_FOR_HIRE;
    if (demo_chance(&g->rng, 0.06) && demo_other(g, k, age))
        f |= 1u << RISK_OTHER;
    unsigned causes = f;
    if (!f || demo_chance(&g->rng, 0.6))
        f |= 1u << RISK_POOR_ATTENDANCE;
    if (!causes)
        causes = f;
    int n = 0;
    for (int r = 0; r < RISK_COUNT; r++)
        n += (causes >> r) & 1;
    int pick = demo_below(&g->rng, n);
    for (int r = 0; r < RISK_COUNT; r++)
        if (((causes >> r) & 1) && pick-- == 0)
            *main = r;
    return f;
}

static double demo_p_risk(const demo_gen *g, const demo_kid *k, const demo_hh *h, int level)
{
    static const double by_level[LEVEL_COUNT] = {0.6, 1.3, 1.1, 1.5};
    double p = 0.065;
    p += h->poverty == POVERTY_POOR ? 0.08 : h->poverty == POVERTY_NEAR_POOR ? 0.04 : 0;
    p += (h->flags & HH_AWAY) ? 0.10 : 0;
    p += (h->flags & HH_SEASONAL) ? 0.07 : 0;
    p += (h->flags & HH_FIELDS) ? 0.10 : 0;
    p += g->vil[h->village].far ? 0.06 : 0;
    p += k->learning ? 0.20 : 0;
    return p * by_level[level];
}

static double demo_p_drop(const demo_gen *g, const demo_hh *h, int level)
{
    static const double by_level[LEVEL_COUNT] = {0.25, 1.0, 1.6, 2.0};
    return (g->vil[h->village].hot ? 0.4 : 0.025) * by_level[level];
}

static const char *demo_reason(demo_gen *g, const demo_kid *k, int factor, int dropped)
{
    if (factor == RISK_OTHER)
        return k->risk_other;
    return demo_reasons[factor][dropped][demo_below(&g->rng, 2)];
}

/* Seasonal work shows in the coffee harvest (mid-October to December). */
static long demo_risk_day(demo_gen *g, int factor, int y, long from, long to)
{
    long a = demo_day(y, 10, 15), b = demo_day(y, 12, 31);
    if (factor == RISK_SEASONAL_WORK && a <= to && b >= from)
        return demo_day_in(&g->rng, a > from ? a : from, b < to ? b : to);
    return demo_day_in(&g->rng, from, to);
}

static void demo_leave(demo_gen *g, demo_kid *k, long s, long e)
{
    int moved = demo_chance(&g->rng, 0.45);
    const char *const *r = moved ? demo_moved_reasons : demo_transfer_reasons;
    demo_add(k, moved ? STATUS_MOVED_AWAY : STATUS_TRANSFERRED, demo_day_in(&g->rng, s + 1, e),
             r[demo_below(&g->rng, 3)], EV_PLAIN, 0);
    k->state = ST_GONE;
}

/* The school year's enrolment list; 0 when the child is not on it. */
static int demo_year_start(demo_gen *g, demo_kid *k, int y, long s)
{
    if (k->state == ST_GONE)
        return 0;
    if (k->state == ST_OUT) {
        k->lag++; /* back (if at all) in the grade left */
        if (!demo_chance(&g->rng, 0.3))
            return 0;
        demo_add(k, STATUS_RETURNED, s, NULL, EV_YEAR_RETURN, y);
        k->state = ST_IN;
    } else {
        demo_add(k, STATUS_ENROLLED, s, NULL, EV_YEAR_START, y);
    }
    int grade = k->g0 - (g->year0 - y) - k->lag;
    k->grade = grade < 1 ? 1 : grade;
    return 1;
}

static void demo_year_events(demo_gen *g, demo_kid *k, const demo_hh *h, int y, long s, long e)
{
    if (e - s < 20) /* too early in the year for anything to happen */
        return;
    if (demo_chance(&g->rng, 0.007)) {
        demo_leave(g, k, s, e);
        return;
    }
    int level = demo_level(k), main = RISK_POOR_ATTENDANCE;
    if (!demo_chance(&g->rng, demo_p_risk(g, k, h, level)))
        return;
    k->risk |= demo_factors(g, k, h, y - k->birth_year, &main);
    long d1 = demo_risk_day(g, main, y, s + 14, e);
    demo_add(k, STATUS_AT_RISK, d1, demo_reason(g, k, main, 0), EV_PLAIN, 0);
    if (demo_chance(&g->rng, demo_p_drop(g, h, level)) && d1 + 3 <= e) {
        long d2 = demo_day_in(&g->rng, d1 + 3, e);
        demo_add(k, STATUS_DROPPED_OUT, d2, demo_reason(g, k, main, 1), EV_PLAIN, 0);
        k->state = ST_OUT;
        if (d2 + 10 <= e && demo_chance(&g->rng, 0.45)) {
            demo_add(k, STATUS_RETURNED, demo_day_in(&g->rng, d2 + 10, e),
                     demo_return_reasons[demo_below(&g->rng, 3)], EV_PLAIN, 0);
            k->state = ST_IN;
        }
    } else if (d1 + 7 <= e && demo_chance(&g->rng, 0.3)) {
        demo_add(k, STATUS_ENROLLED, demo_day_in(&g->rng, d1 + 7, e),
                 "Đã đi học đều trở lại", EV_PLAIN, 0);
    }
}

static long demo_year_first_day(demo_gen *g, int y)
{
    return demo_min(demo_day(y, 9, 5) + demo_below(&g->rng, 6), g->today);
}

static void demo_simulate(demo_gen *g, demo_kid *k, const demo_hh *h)
{
    if (k->path == PATH_FINISHED) { /* stopped after lower secondary */
        int y9 = g->year0 - (k->g0 - 9);
        demo_add(k, STATUS_ENROLLED, demo_year_first_day(g, y9), NULL, EV_YEAR_START, y9);
        demo_add(k, STATUS_FINISHED, demo_day(y9 + 1, 5, 25) + demo_below(&g->rng, 6),
                 "Tốt nghiệp THCS, không học tiếp lên THPT", EV_PLAIN, 0);
        k->grade = 9;
        return;
    }
    int entry = g->year0 - (k->g0 + k->rep - 1);
    for (int y = entry > g->first_year ? entry : g->first_year; y <= g->year0; y++) {
        long s = demo_year_first_day(g, y);
        long e = demo_min(demo_day(y + 1, 8, 31), g->today);
        if (demo_year_start(g, k, y, s))
            demo_year_events(g, k, h, y, s, e);
    }
}

static void demo_kid_init(demo_gen *g, demo_kid *k, const demo_hh *h)
{
    static const int grade_w[12] = {10, 10, 10, 10, 10, 10, 10, 9, 9, 8, 8, 7};
    int minority = demo_peoples[h->eth].minority;
    memset(k, 0, sizeof *k);
    k->eth = h->eth;
    k->female = demo_chance(&g->rng, 0.49);
    int r = demo_below(&g->rng, 111);
    while (r >= grade_w[k->g0])
        r -= grade_w[k->g0++];
    k->g0++;
    k->rep = k->g0 >= 2 && demo_chance(&g->rng, minority ? 0.07 : 0.04);
    k->learning = demo_chance(&g->rng, minority ? 0.08 : 0.05);
    k->birth_year = g->year0 - 5 - k->g0 - k->rep;
    if (k->g0 >= 10 && !demo_chance(&g->rng, minority ? 0.6 : 0.85))
        k->path = g->nschools[LEVEL_CONTINUING] && demo_chance(&g->rng, 0.25) ? PATH_CONTINUING
                                                                              : PATH_FINISHED;
}

/* School, level, grade and class as the pupil stands now (or stood when
 * leaving school). */
static void demo_place(demo_gen *g, const demo_kid *k, const demo_hh *h, hd_child *c)
{
    int level = demo_level(k);
    c->level = level;
    c->grade = k->grade;
    c->school_id = g->schools[level][g->vil[h->village].school[level]];
    if (level == LEVEL_UPPER_SECONDARY)
        c->class_name = xasprintf("%dA%d", k->grade, 1 + demo_below(&g->rng, 4));
    else if (level == LEVEL_CONTINUING)
        c->class_name = xasprintf("GDTX %d", k->grade);
    else
        c->class_name = xasprintf("%d%c", k->grade, 'A' + demo_below(&g->rng, 3));
}

static const char *demo_event_reason(const demo_event *ev, char buf[96])
{
    if (ev->kind == EV_YEAR_START)
        snprintf(buf, 96, "Danh sách đầu năm học %d-%d", ev->year, ev->year + 1);
    else if (ev->kind == EV_YEAR_RETURN)
        snprintf(buf, 96, "Vận động ra lớp đầu năm học %d-%d", ev->year, ev->year + 1);
    else
        return ev->reason;
    return buf;
}

static int demo_insert_history(demo_gen *g, hd_child *c, const demo_kid *k, hd_err *err)
{
    char buf[96], iso[11];
    for (int i = 0; i < k->nev; i++) {
        const demo_event *ev = &k->ev[i];
        /* The first entry comes from the school's list, as an import does
         * (no reason: in bulk mode the registry writes it set-wise). */
        const char *reason = i == 0 ? "" : demo_event_reason(ev, buf);
        const char *source = ev->kind == EV_PLAIN ? "manual" : "import";
        date_iso(date_from_days(ev->day), iso);
        int rc = i == 0 ? child_insert(g->db, c, ev->status, iso, reason, source, err)
                        : child_set_status(g->db, c->id, ev->status, iso, reason, source, err);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* A name none of the household's other children has (siblings differ). */
static char *demo_sibling_name(demo_gen *g, const demo_kid *k, const char *family,
                               char **siblings, int n)
{
    for (int tries = 0;; tries++) {
        const char *name = demo_name(g, k->eth, family, k->female, 0);
        int taken = 0;
        for (int i = 0; i < n && !taken; i++)
            taken = strcmp(siblings[i], name) == 0;
        if (!taken || tries == 20)
            return xstrdup(name);
    }
}

static int demo_child_one(demo_gen *g, const demo_hh *h, int64_t hid, const char *family,
                          char **siblings, int n, hd_err *err)
{
    demo_kid k;
    demo_kid_init(g, &k, h);
    hd_child c = {0};
    c.household_id = hid;
    c.full_name = demo_sibling_name(g, &k, family, siblings, n);
    siblings[n] = xstrdup(c.full_name);
    c.sex = k.female ? SEX_FEMALE : SEX_MALE;
    c.birth_year = k.birth_year;
    if (demo_chance(&g->rng, 0.85)) /* otherwise only the year is known */
        date_iso(date_from_days(demo_day(k.birth_year, 1, 1) + demo_below(&g->rng, 365)),
                 c.birth_date);
    demo_simulate(g, &k, h);
    demo_place(g, &k, h, &c);
    c.ethnicity = xstrdup(demo_peoples[k.eth].ethnicity);
    c.ethnic_minority = demo_peoples[k.eth].minority;
    c.risk = k.risk;
    c.risk_other = xstrdup((k.risk & (1u << RISK_OTHER)) ? k.risk_other : "");
    int rc = demo_insert_history(g, &c, &k, err);
    child_free(&c);
    return rc;
}

static int demo_households(demo_gen *g, hd_err *err)
{
    demo_plan_households(g);
    for (int i = 0; i < g->o->households; i++) {
        const demo_hh *h = &g->hh[i];
        int64_t id;
        char family[64];
        if (demo_household_one(g, h, &id, family, err) < 0)
            return -1;
        char *siblings[9];
        int rc = 0, k = 0;
        while (rc == 0 && k < h->nkids)
            rc = demo_child_one(g, h, id, family, siblings, k++, err);
        while (k > 0)
            free(siblings[--k]);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* ---- the whole --------------------------------------------------------------- */

static int demo_check_opts(const demo_opts *o, hd_err *err)
{
    if (o->villages < 1 || o->households < 1 || o->children < 0 || o->members < 0 ||
        o->history_months < 0 || o->history_months > 240)
        return hd_fail(err, _("demo: sizes must be positive (and the history at most 240 "
                              "months)"));
    if (o->schools < 3)
        return hd_fail(err, _("demo: at least 3 schools are needed (primary, lower and "
                              "upper secondary)"));
    if (o->children > 9 * (long)o->households)
        return hd_fail(err, _("demo: at most 9 children a household"));
    return 0;
}

static void demo_gen_init(demo_gen *g, hd_db *db, const demo_opts *o)
{
    memset(g, 0, sizeof *g);
    g->db = db;
    g->o = o;
    g->rng.s = 0x6875796475E96E67u ^ ((uint64_t)o->seed * 0x9E3779B97F4A7C15u);
    hd_date t = date_today();
    g->today = date_to_days(t);
    g->year0 = date_school_year(t, 9);
    int m = t.year * 12 + (t.month - 1) - o->history_months;
    hd_date back = {m / 12, m % 12 + 1, 1};
    g->first_year = date_school_year(back, 9);
    g->vil = xcalloc((size_t)o->villages, sizeof *g->vil);
    if (o->chair_login) { /* no made-up login may take it */
        g->logins = xreallocarray(g->logins, 1, sizeof *g->logins);
        g->logins[g->nlogins++] = xstrdup(o->chair_login);
    }
}

static void demo_gen_free(demo_gen *g)
{
    for (int l = 0; l < LEVEL_COUNT; l++)
        free(g->schools[l]);
    for (int i = 0; i < g->nlogins; i++)
        free(g->logins[i]);
    free(g->logins);
    free(g->vil);
    free(g->hh);
    sb_free(&g->sb);
}

/* One month's attendance for every pupil in school on its 15th (or today),
 * set-wise and deterministic: the values come from a hash of the child and
 * the month.  Most pupils miss no day; a few miss many; children at risk
 * miss more.  Repeating the grade is the child's for the whole year. */
static int demo_attendance_month(demo_gen *g, int y, int m, hd_err *err)
{
    char month[8], mid[11];
    snprintf(month, sizeof month, "%04u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u);
    hd_date d = {y, m, 15};
    if (date_to_days(d) > g->today)
        d = date_from_days(g->today);
    date_iso(d, mid);
    sqlite3_stmt *st = db_prepare(g->db,
        "WITH k AS (SELECT c.id, c.uid, (c.id * 2654435761 + ?2 * 97531 + ?4) % 1000003 AS h,"
        "   (SELECT s.status FROM child_status s WHERE s.child_id = c.id AND s.date <= ?3"
        "    ORDER BY s.date DESC, s.id DESC LIMIT 1) AS st FROM child c"
        "   WHERE c.archived = 0 AND c.level IS NOT NULL),"
        " a AS (SELECT id, uid, h, 20 + h % 4 AS sd,"
        "   CASE WHEN h % 100 < 80 THEN 0 WHEN h % 100 < 92 THEN 1 WHEN h % 100 < 97 THEN 2"
        "   WHEN h % 100 < 99 THEN 3 + (h / 100) % 2 ELSE 5 + (h / 100) % 4 END"
        "   + CASE WHEN st = 'at_risk' THEN 2 + (h / 1000) % 4 ELSE 0 END AS ab"
        "   FROM k WHERE st IN ('enrolled','at_risk','returned'))"
        " INSERT INTO attendance(uid, child_id, month, school_days, absent_excused,"
        "   absent_unexcused, consecutive, repeating, source)"
        " SELECT uid || '@' || ?1, id, ?1, sd, ab - ab * ((h / 7) % 3) / 2,"
        "   ab * ((h / 7) % 3) / 2, CASE WHEN (h / 11) % 2 = 0 THEN NULL"
        "   ELSE (h / 13) % (ab + 1) END, (id * 7919 + ?5) % 100 < 2, 'demo' FROM a");
    sqlite3_bind_text(st, 1, month, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, y * 12 + m);
    sqlite3_bind_text(st, 3, mid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)(g->o->seed % 1000));
    sqlite3_bind_int(st, 5, date_school_year(d, 9));
    int rc = sqlite3_step(st);
    db_finish(g->db, st);
    return rc == SQLITE_DONE ? 0 : db_fail(g->db, err, _("demo: writing the attendance"));
}

/* The last o->attendance_months teaching months (September to May) up to
 * today's month. */
static int demo_attendance(demo_gen *g, hd_err *err)
{
    /* the first history entries the bulk mode keeps for its end are needed
     * now, to know who is in school (writing them twice is impossible) */
    if (db_bulk_active(g->db) && db_exec(g->db, BULK_FIRST_ENTRY_SQL ";", err) < 0)
        return -1;
    hd_date t = date_from_days(g->today);
    int y = t.year, m = t.month, done = 0;
    for (int i = 0; i < 36 && done < g->o->attendance_months; i++) {
        if ((m - 9 + 12) % 12 < 9) {
            if (demo_attendance_month(g, y, m, err) < 0)
                return -1;
            done++;
        }
        if (--m < 1) {
            m = 12;
            y--;
        }
    }
    return 0;
}

int demo_generate(hd_db *db, const demo_opts *o, hd_err *err)
{
    char code[16];
    if (demo_check_opts(o, err) < 0)
        return -1;
    if (db_commune_code(db, code) < 0)
        return hd_fail(err, _("demo: the database has no commune yet; create it first "
                              "(huydong init)"));
    if (authz_check(db, PERM_RECORDS, 0, err) < 0)
        return -1;
    demo_gen g;
    demo_gen_init(&g, db, o);
    int tok = db_write_begin(db, err);
    int rc = tok < 0 ? -1 : 0;
    /* Audit and search rows are written set-wise at the end (our own
     * transaction only: a caller's may already be in bulk mode). */
    int bulk = tok == 1 && db_bulk_begin(db, err) == 0;
    if (tok == 1 && !bulk)
        rc = -1;
    for (int i = 0; rc == 0 && i < o->villages; i++)
        rc = demo_village_one(&g, i, err);
    if (rc == 0)
        rc = demo_schools(&g, err);
    for (int i = 0; rc == 0 && i < o->members; i++)
        rc = demo_member_one(&g, i, err);
    if (rc == 0)
        rc = demo_households(&g, err);
    if (rc == 0 && o->attendance_months > 0)
        rc = demo_attendance(&g, err);
    hd_err e2;
    if (bulk && db_bulk_end(db, rc == 0 ? err : &e2) < 0)
        rc = -1;
    /* after the bulk rows: case work is audited row by row, as when typed */
    if (rc == 0)
        rc = demo_casework(db, o->seed, err);
    if (tok >= 0 && db_write_end(db, tok, rc == 0, err) < 0)
        rc = -1;
    demo_gen_free(&g);
    return rc;
}
