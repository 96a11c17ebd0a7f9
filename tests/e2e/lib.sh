# lib.sh — drive the real huydong in a detached tmux session at 80x25, as a
# person would: send keys, read the screen, wait for text.  Sourced by the
# tests in this folder; $HD is the binary, $NFC the normaliser.
E2E_SOCK="huydong-e2e-$$"
E2E_LOG=$(mktemp)

tm() { tmux -L "$E2E_SOCK" -f /dev/null "$@"; }

# start COMMAND...: a fresh 80x25 session running the command.
start() {
    # a session ending takes the server with it: wait until it is gone
    if tm has-session -t e2e 2>/dev/null; then
        tm kill-server 2>/dev/null
        while tm has-session -t e2e 2>/dev/null; do sleep 0.05; done
    fi
    # '[exited]' only for a clean exit, on a line of its own: a crash shows
    # its status instead, so a test waiting for '[exited]' fails.
    # a server still going away can refuse the first try on a busy machine
    tries=5
    until tm new-session -d -s e2e -x 80 -y 25 \
        "$*; s=\$?; echo; if [ \$s -eq 0 ]; then echo '[exited]'; else echo \"[exit status \$s]\"; fi; sleep 30" \
        2>/dev/null; do
        tries=$((tries - 1))
        [ "$tries" -gt 0 ] || fail "tmux did not start"
        sleep 0.3
    done
    tm set-option -t e2e status off >/dev/null
}

screen() { tm capture-pane -p -t e2e | "$NFC"; }

keys() { tm send-keys -t e2e "$@"; }

# type TEXT: literal characters (UTF-8 allowed).
type_text() { tm send-keys -t e2e -l "$1"; }

fail() {
    echo "FAIL: $E2E_NAME: $*"
    echo "---- screen ----"
    screen
    echo "----------------"
    stop
    exit 1
}

# wait_for TEXT [SECONDS]: until the screen shows TEXT.
wait_for() {
    tries=$(( ${2:-5} * 10 ))
    while [ "$tries" -gt 0 ]; do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
        tries=$((tries - 1))
    done
    fail "waited for '$1'"
}

# wait_gone TEXT: until the screen no longer shows TEXT.
wait_gone() {
    tries=50
    while [ "$tries" -gt 0 ]; do
        screen | grep -qF -- "$1" || return 0
        sleep 0.1
        tries=$((tries - 1))
    done
    fail "'$1' is still on the screen"
}

resize() { tm resize-window -t e2e -x "$1" -y "$2"; }

stop() { tm kill-server 2>/dev/null; rm -f "$E2E_LOG"; }
