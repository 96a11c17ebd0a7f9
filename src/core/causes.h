/* causes.h — dropouts and children at risk by cause, village and level:
 * the table the district plans ask for ("nguyên nhân bỏ học").  The causes
 * are the risk factors recorded on each child (model.h, VOCAB_RISK); a
 * child with several counts under each, one with none under "not
 * recorded".  Definition: docs/definitions.md ("Causes"). */
#ifndef HD_CAUSES_H
#define HD_CAUSES_H

#include <stdint.h>

#include "core/config.h"
#include "core/db.h"
#include "core/model.h"

/* The cause index after the risk factors: no factor recorded. */
#define CAUSE_NONE RISK_COUNT

typedef struct hd_cause_row {
    int64_t village_id;     /* 0: no village; -1: the commune's total */
    char *village;          /* owned; "" for the total */
    int level;              /* hd_level; LEVEL_COUNT: all levels (the total) */
    int cause;              /* hd_risk, or CAUSE_NONE */
    long dropouts;          /* dropped out in the school year up to the day */
    long at_risk;           /* at risk on the day */
} hd_cause_row;

/* The rows with a count, for year-month as of its last day (today for the
 * running month): by village (in order), level and cause, then the
 * commune's total by cause (level LEVEL_COUNT).  Returns the count or -1;
 * *out is the caller's (cause_rows_free). */
int causes_report(hd_db *db, const hd_config *cfg, int year, int month, hd_cause_row **out,
                  hd_err *err);
void cause_rows_free(hd_cause_row *r, int n);

/* The cause's label in a language ("vi" or "en"). */
const char *cause_label(int cause, const char *lang);

#endif
