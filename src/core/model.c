/* model.c — the vocabularies of the domain, with labels and import synonyms.
 * Synonyms are folded forms (see text_fold), '|'-separated. */
#include "core/model.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/util.h"

static const hd_term levels[] = {
    {"primary", "Tiểu học", "Primary", "th|tieu hoc|cap 1|c1|primary"},
    {"lower_secondary", "THCS", "Lower secondary",
     "thcs|trung hoc co so|cap 2|c2|lower secondary|lower_secondary"},
    {"upper_secondary", "THPT", "Upper secondary",
     "thpt|trung hoc pho thong|cap 3|c3|upper secondary|upper_secondary"},
    {"continuing", "GDTX", "Continuing education",
     "gdtx|giao duc thuong xuyen|bo tuc|continuing education"},
};

static const hd_term statuses[] = {
    {"enrolled", "Đang học", "Enrolled", "dang hoc|di hoc|enrolled|studying"},
    {"at_risk", "Nguy cơ bỏ học", "At risk", "nguy co|nguy co bo hoc|at risk|at_risk"},
    {"dropped_out", "Bỏ học", "Dropped out",
     "bo hoc|thoi hoc|da bo hoc|dropped out|dropped_out|dropout"},
    {"returned", "Trở lại lớp", "Returned", "tro lai|tro lai lop|di hoc lai|returned"},
    {"transferred", "Chuyển trường", "Transferred", "chuyen truong|chuyen di|transferred"},
    {"moved_away", "Chuyển khỏi địa bàn", "Moved away",
     "chuyen khoi dia ban|chuyen noi o|di khoi dia phuong|moved away|moved_away"},
    {"finished", "Đã tốt nghiệp", "Finished", "tot nghiep|hoan thanh|da tot nghiep|finished"},
};

static const hd_term risks[] = {
    {"poverty", "Khó khăn kinh tế", "Poverty", "ngheo|ho ngheo|kho khan|hoan canh kho khan|poverty|poor"},
    {"parents_away", "Bố mẹ đi làm ăn xa", "Parents working away",
     "bo me di lam xa|bo me di lam an xa|o voi ong ba|parents away|parents_away"},
    {"seasonal_work", "Theo mùa vụ", "Seasonal work",
     "mua vu|theo mua vu|thu hoach|seasonal work|seasonal_work|harvest"},
    {"working_for_hire", "Đi làm thuê", "Working for hire",
     "lam thue|di lam thue|phu quan|working for hire|working_for_hire"},
    {"living_in_fields", "Ở chòi rẫy", "Living in the fields",
     "o ray|choi ray|o choi ray|song o ray|living in fields|living_in_fields"},
    {"learning_difficulty", "Học lực yếu", "Learning difficulty",
     "hoc yeu|hoc luc yeu|kho khan hoc tap|learning difficulty|learning_difficulty"},
    {"poor_attendance", "Chuyên cần kém", "Poor attendance",
     "chuyen can kem|nghi hoc nhieu|hay nghi hoc|poor attendance|poor_attendance"},
    {"far_from_school", "Nhà xa trường", "Far from school",
     "nha xa truong|xa truong|far from school|far_from_school"},
    {"other", "Khác", "Other", "khac|other"},
    {"no_interest", "Chán học, không muốn đi học", "No interest in school",
     "chan hoc|khong thich hoc|khong muon di hoc|luoi hoc|no interest|no_interest"},
};

static const hd_term orgs[] = {
    {"commune", "UBND xã", "Commune office", "ubnd|ubnd xa|xa|uy ban|cong chuc|commune"},
    {"school", "Nhà trường", "School", "nha truong|truong|giao vien|gv|school|teacher"},
    {"front", "Mặt trận Tổ quốc", "Fatherland Front", "mat tran|mttq|mat tran to quoc|front"},
    {"youth", "Đoàn Thanh niên", "Youth Union", "doan|doan tn|doan thanh nien|youth|youth union"},
    {"women", "Hội Phụ nữ", "Women's Union", "hoi pn|phu nu|hoi phu nu|women|womens union"},
    {"farmers", "Hội Nông dân", "Farmers' Association", "hoi nd|nong dan|hoi nong dan|farmers"},
    {"veterans", "Hội Cựu chiến binh", "Veterans' Association",
     "hoi ccb|ccb|cuu chien binh|hoi cuu chien binh|veterans"},
    {"study_promotion", "Hội Khuyến học", "Study Promotion Association",
     "khuyen hoc|hoi khuyen hoc|study promotion|study_promotion"},
    {"other", "Khác", "Other", "khac|other"},
};

static const hd_term croles[] = {
    {"chair", "Trưởng ban", "Chair", "truong ban|chair"},
    {"vice_chair", "Phó ban", "Vice-chair", "pho ban|pho truong ban|vice chair|vice_chair"},
    {"secretary", "Thư ký", "Secretary", "thu ky|secretary"},
    {"member", "Thành viên", "Member", "thanh vien|uy vien|member"},
};

static const hd_term vkinds[] = {
    {"thon", "Thôn", "Village", "thon|village"},
    {"lang", "Làng", "Hamlet", "lang|hamlet"},
    {"buon", "Buôn", "Buôn", "buon"},
    {"to_dan_pho", "Tổ dân phố", "Residential group", "to dan pho|tdp|to|residential group"},
    {"plei", "Plei", "Plei", "plei|ploi"},
    {"ban", "Bản", "Bản", "ban"},
};

static const hd_term poverties[] = {
    {"none", "Không", "No", "khong|khong ngheo|binh thuong|none|no|0"},
    {"poor", "Hộ nghèo", "Poor", "ho ngheo|ngheo|poor|co|x|1"},
    {"near_poor", "Hộ cận nghèo", "Near-poor", "can ngheo|ho can ngheo|near poor|near_poor"},
};

static const hd_term sexes[] = {
    {"M", "Nam", "Male", "nam|trai|m|male|boy"},
    {"F", "Nữ", "Female", "nu|gai|f|female|girl"},
};

static const hd_term aroles[] = {
    {"lead", "Phụ trách chính", "Lead", "phu trach|phu trach chinh|chinh|lead"},
    {"support", "Hỗ trợ", "Support", "ho tro|phoi hop|support"},
    {"sponsor", "Đỡ đầu", "Sponsor", "do dau|nhan do dau|sponsor"},
    {"season", "Phụ trách thôn theo mùa", "Village for a season",
     "theo mua|phu trach thon|season"},
};

static const hd_term seasons[] = {
    {"rainy", "Mùa mưa", "Rainy season", "mua mua|rainy|rain"},
    {"harvest", "Mùa thu hoạch", "Harvest", "mua thu hoach|thu hoach|mua vu|harvest"},
    {"summer", "Hè", "Summer", "he|mua he|nghi he|summer"},
    {"august", "Tháng cao điểm huy động (tháng 8)", "August action month",
     "thang 8|thang cao diem|cao diem|august|action month"},
};

static const hd_term outcomes[] = {
    {"returned", "Trẻ đã trở lại lớp", "Child returned to school",
     "tro lai|tro lai lop|di hoc lai|returned"},
    {"promised", "Gia đình hứa cho đi học", "Family promised",
     "hua|gia dinh hua|cam ket|promised"},
    {"refused", "Gia đình từ chối", "Refused", "tu choi|khong dong y|refused"},
    {"not_home", "Không có ai ở nhà", "No one home",
     "khong co nha|vang nha|khong gap|no one home|not home|not_home"},
    {"away", "Gia đình chuyển đi / đi làm ăn xa", "Family moved or working away",
     "chuyen di|di lam xa|di lam an xa|moved|working away|away"},
};

static const hd_term supports[] = {
    {"scholarship", "Học bổng", "Scholarship", "hoc bong|scholarship"},
    {"gift", "Quà", "Gift", "qua|tang qua|gift"},
    {"books_clothes", "Sách vở, quần áo (3 đủ)", "Books and clothes (3 đủ)",
     "3 du|ba du|sach vo|quan ao|books|clothes|books and clothes|books_clothes"},
    {"fee_exemption", "Miễn, giảm học phí", "Fee exemption",
     "mien giam hoc phi|mien hoc phi|hoc phi|fee exemption|fee_exemption|fees"},
    {"boarding", "Bán trú, nội trú", "Boarding",
     "ban tru|noi tru|boarding"},
};

static const hd_term cstatuses[] = {
    {"active", "Đang thực hiện", "Active", "dang thuc hien|hieu luc|active"},
    {"kept", "Đã thực hiện", "Kept", "da thuc hien|giu dung|thuc hien|kept"},
    {"broken", "Không thực hiện", "Broken", "khong thuc hien|vi pham|broken"},
    {"withdrawn", "Đã rút", "Withdrawn", "rut|huy|da rut|withdrawn"},
};

static const struct {
    const hd_term *terms;
    size_t n;
} vocabs[VOCAB_COUNT] = {
    [VOCAB_LEVEL] = {levels, HD_ARRAY_LEN(levels)},
    [VOCAB_STATUS] = {statuses, HD_ARRAY_LEN(statuses)},
    [VOCAB_RISK] = {risks, HD_ARRAY_LEN(risks)},
    [VOCAB_ORG] = {orgs, HD_ARRAY_LEN(orgs)},
    [VOCAB_CROLE] = {croles, HD_ARRAY_LEN(croles)},
    [VOCAB_VILLAGE_KIND] = {vkinds, HD_ARRAY_LEN(vkinds)},
    [VOCAB_POVERTY] = {poverties, HD_ARRAY_LEN(poverties)},
    [VOCAB_SEX] = {sexes, HD_ARRAY_LEN(sexes)},
    [VOCAB_ASSIGN_ROLE] = {aroles, HD_ARRAY_LEN(aroles)},
    [VOCAB_SEASON] = {seasons, HD_ARRAY_LEN(seasons)},
    [VOCAB_OUTCOME] = {outcomes, HD_ARRAY_LEN(outcomes)},
    [VOCAB_SUPPORT] = {supports, HD_ARRAY_LEN(supports)},
    [VOCAB_COMMIT_STATUS] = {cstatuses, HD_ARRAY_LEN(cstatuses)},
};

/* The enums and the tables must stay in step. */
_Static_assert(HD_ARRAY_LEN(levels) == LEVEL_COUNT, "levels");
_Static_assert(HD_ARRAY_LEN(statuses) == STATUS_COUNT, "statuses");
_Static_assert(HD_ARRAY_LEN(risks) == RISK_COUNT, "risks");
_Static_assert(HD_ARRAY_LEN(orgs) == ORG_COUNT, "orgs");
_Static_assert(HD_ARRAY_LEN(croles) == CROLE_COUNT, "croles");
_Static_assert(HD_ARRAY_LEN(vkinds) == VKIND_COUNT, "vkinds");
_Static_assert(HD_ARRAY_LEN(poverties) == POVERTY_COUNT, "poverties");
_Static_assert(HD_ARRAY_LEN(sexes) == SEX_COUNT, "sexes");
_Static_assert(HD_ARRAY_LEN(aroles) == AROLE_COUNT, "aroles");
_Static_assert(HD_ARRAY_LEN(seasons) == SEASON_COUNT, "seasons");
_Static_assert(HD_ARRAY_LEN(outcomes) == OUTCOME_COUNT, "outcomes");
_Static_assert(HD_ARRAY_LEN(supports) == SUPPORT_COUNT, "supports");
_Static_assert(HD_ARRAY_LEN(cstatuses) == CSTATUS_COUNT, "cstatuses");

const hd_term *model_terms(hd_vocab v, size_t *n)
{
    *n = vocabs[v].n;
    return vocabs[v].terms;
}

const hd_term *model_term(hd_vocab v, int idx)
{
    if (idx < 0 || (size_t)idx >= vocabs[v].n)
        return NULL;
    return &vocabs[v].terms[idx];
}

const char *model_code(hd_vocab v, int idx)
{
    const hd_term *t = model_term(v, idx);
    return t ? t->code : "";
}

const char *model_label(hd_vocab v, int idx, const char *lang)
{
    const hd_term *t = model_term(v, idx);
    if (!t)
        return "";
    return (lang && strcmp(lang, "en") == 0) ? t->en : t->vi;
}

int model_from_code(hd_vocab v, const char *code)
{
    for (size_t i = 0; i < vocabs[v].n; i++)
        if (strcmp(vocabs[v].terms[i].code, code) == 0)
            return (int)i;
    return -1;
}

/* Folded code and labels of every term, made on first use: looking up a
 * spreadsheet cell must not fold the whole vocabulary again each time. */
typedef struct folded_term {
    char *code, *vi, *en;
} folded_term;

static const folded_term *folded(hd_vocab v)
{
    static folded_term *cache[VOCAB_COUNT];
    if (!cache[v]) {
        folded_term *f = xcalloc(vocabs[v].n, sizeof *f);
        for (size_t i = 0; i < vocabs[v].n; i++) {
            f[i].code = text_fold(vocabs[v].terms[i].code);
            f[i].vi = text_fold(vocabs[v].terms[i].vi);
            f[i].en = text_fold(vocabs[v].terms[i].en);
        }
        cache[v] = f; /* kept for the life of the program */
    }
    return cache[v];
}

int model_lookup(hd_vocab v, const char *text)
{
    const folded_term *ft = folded(v);
    char *f = text_fold(text);
    int found = -1;
    for (size_t i = 0; i < vocabs[v].n && found < 0; i++)
        if (strcmp(f, ft[i].vi) == 0 || strcmp(f, ft[i].en) == 0 ||
            strcmp(f, ft[i].code) == 0 || str_in_list(vocabs[v].terms[i].synonyms, f))
            found = (int)i;
    free(f);
    return found;
}

hd_level model_level_of_grade(int grade)
{
    if (grade >= 1 && grade <= 5)
        return LEVEL_PRIMARY;
    if (grade >= 6 && grade <= 9)
        return LEVEL_LOWER_SECONDARY;
    if (grade >= 10 && grade <= 12)
        return LEVEL_UPPER_SECONDARY;
    return LEVEL_COUNT;
}
