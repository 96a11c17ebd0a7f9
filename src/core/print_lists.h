/* print_lists.h — the named lists of the district plans as printed
 * documents (print.h's format; print_lists.c fills them).  Same contract as
 * the documents of print.h: filled from the database for a month, dated
 * today, labels in Vietnamese; 0 or -1. */
#ifndef HD_PRINT_LISTS_H
#define HD_PRINT_LISTS_H

#include "core/print.h"

/* Households with a child of school age not in school or absent a lot in
 * the school year (family.h), for the cultured-family review: village,
 * head of household, child, year of birth, why. */
int doc_family_review(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d,
                      hd_err *err);

/* Dropouts of the school year and children at risk by cause, village and
 * level (causes.h), with the commune's totals by cause. */
int doc_causes(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err);

/* Sponsors' results (sponsors.h): sponsor, pupil, year of birth, village,
 * status and attendance at the start of the sponsorship in the school year
 * and now. */
int doc_sponsors(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d,
                 hd_err *err);

/* The support register of the school year up to the month (support.h):
 * date, pupil, village, kind, what, organisation or donor, value; then the
 * total. */
int doc_support(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err);

/* Children of households holding a position (positions.h) who are at risk
 * or out of school on the month's last day. */
int doc_officials(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d,
                  hd_err *err);

/* After grade 9 (leavers.h): the pupils who left grade 9 in the school year
 * before the month's, with their paths and who was admitted to grade 10
 * but has not turned up; then the counts. */
int doc_leavers(hd_db *db, const hd_config *cfg, int year, int month, hd_doc *d, hd_err *err);

#endif
