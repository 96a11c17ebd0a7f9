/* authz.h — who is acting, and what their role lets them change.
 *
 * A user of the program is a committee member with a login (member.login)
 * and a role (member.user_role):
 *   chair      everything: users and roles, closing a month, restoring;
 *   secretary  the records, imports, assignments, reports, printing, backups;
 *   member     home visits and commitments for the households assigned to
 *              them (the household, one of its children, or its village for
 *              a season); reads the rest;
 *   viewer     reads only.
 * A login whose role is "disabled" (or whose member is archived) is refused.
 *
 * The checks are in the core's write functions, so the command line and the
 * terminal interface obey the same rules: a refused write returns -1 with a
 * message naming what the role does not allow, before anything is written.
 * A new connection acts for no one and may write nothing until the front
 * end settles the user (authz_login) or, for the installation itself
 * (creating a database, the demo, tests), calls authz_as_system. */
#ifndef HD_AUTHZ_H
#define HD_AUTHZ_H

#include <stdint.h>

#include "core/db.h"

typedef enum hd_role {
    USER_NONE = 0,   /* not a user (or disabled) */
    USER_VIEWER,
    USER_MEMBER,
    USER_SECRETARY,
    USER_CHAIR,
    USER_ROLE_COUNT
} hd_role;

typedef enum hd_perm {
    PERM_RECORDS,    /* registry, imports, assignments, reports, new-year confirmations */
    PERM_CASEWORK,   /* home visits and commitments (of a household) */
    PERM_PRINT,      /* printed lists, backups */
    PERM_MONTH,      /* closing a month */
    PERM_USERS,      /* users, roles, logins, the shared account; restoring */
} hd_perm;

/* "chair", "secretary", "member", "viewer"; "disabled" for USER_NONE. */
const char *authz_role_code(int role);
/* The role of a code above; -1 when unknown.  "disabled" gives USER_NONE. */
int authz_role_from_code(const char *code);
/* The role's name for people, translated. */
const char *authz_role_label(int role);

/* Acts as the user with this login: the member (not archived) whose login
 * it is, with their role; the audit log records the login.  -1 with a
 * message naming the login when it is not a user or is disabled. */
int authz_login(hd_db *db, const char *login, hd_err *err);
/* Acts for the installation (chair rights, no member): creating a database,
 * the demo, tools and tests. */
void authz_as_system(hd_db *db);

int authz_role(hd_db *db);
int64_t authz_member(hd_db *db);   /* 0 for the installation */

/* 0 when the acting user may do p (for PERM_CASEWORK: to this household);
 * else -1 with a message. */
int authz_check(hd_db *db, hd_perm p, int64_t household_id, hd_err *err);
/* The same without a message: 1 allowed, 0 not. */
int authz_can(hd_db *db, hd_perm p, int64_t household_id);

/* A write that passed its own check and then calls other write functions
 * (a visit that brings a child back writes the child's status) brackets
 * them with these, so the inner checks stand aside.  Nest freely. */
void authz_grant_begin(hd_db *db);
void authz_grant_end(hd_db *db);

/* ---- users (the chair's work) ------------------------------------------- */

typedef struct hd_user {
    char uid[32];        /* the member's code */
    char *login;         /* owned */
    char *full_name;     /* owned */
    int role;            /* hd_role; USER_NONE = disabled */
    int archived;        /* the member left the committee: no access */
} hd_user;

/* Every member with a login, by login.  Count or -1; free with users_free. */
int user_list(hd_db *db, hd_user **out, hd_err *err);
void users_free(hd_user *u, int n);

/* Gives login (a Unix login name or, with a shared account, a name of
 * letters, digits, '.', '_', '-') the role: to the member member_uid when
 * given, else to a new member called full_name (the login when NULL).
 * Chair only, except while the database has no chair yet and the acting
 * user is the installation.  0 or -1. */
int user_add(hd_db *db, const char *login, int role, const char *member_uid,
             const char *full_name, hd_err *err);
/* The first user of a new database: a member CODE-M0 (beside the numbered
 * members, so that imports number theirs from 1) called full_name (the
 * login when empty), with the role chair.  Only while there are no users;
 * the installation acts (authz_as_system).  0 or -1. */
int user_add_founder(hd_db *db, const char *login, const char *full_name, hd_err *err);
/* Changes a user's role (USER_NONE disables).  The last chair cannot be
 * demoted or disabled.  Chair only.  0 or -1. */
int user_set_role(hd_db *db, const char *login, int role, hd_err *err);
/* 0 when at least one chair can still log in, else -1 with a message.  Not
 * strict: a database that has no chair at all (made by a tool) passes.
 * Called inside the write that could lock the chair out. */
int authz_chair_left(hd_db *db, int strict, hd_err *err);
/* 1 when a login checks out as a user name (see user_add), else 0. */
int user_login_valid(const char *login);

/* The shared Unix account whose SSH keys carry forced commands
 * (`huydong --user NAME`); "" when none.  out has room for 64 bytes. */
int authz_shared_account(hd_db *db, char out[64]);
/* Sets it ("" for none).  Chair only. */
int authz_set_shared_account(hd_db *db, const char *account, hd_err *err);

#endif
