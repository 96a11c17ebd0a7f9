/* args.h — the small argument scanning the subcommands share. */
#ifndef HD_ARGS_H
#define HD_ARGS_H

/* Removes flag (e.g. "--dry-run") from argv when present; returns 1 if it was. */
int args_flag(int *argc, char **argv, const char *flag);
/* Removes "--name VALUE" (or "--name=VALUE"); returns VALUE or NULL. */
const char *args_value(int *argc, char **argv, const char *name);
/* An argument left that starts with "--": the first unknown option, or NULL. */
const char *args_unknown(int argc, char **argv);

#endif
