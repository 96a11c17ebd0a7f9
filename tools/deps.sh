#!/bin/sh
# Installs the Debian packages given as arguments, only those not yet installed.
# As root it runs apt-get; otherwise it prints the exact command to run.
missing=""
for p in "$@"; do
    st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
    case "$st" in *"install ok installed"*) ;; *) missing="$missing $p" ;; esac
done
if [ -z "$missing" ]; then
    echo "deps: all Debian packages are installed"
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    echo "deps: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || exit 1
    apt-get install -y -qq --no-install-recommends $missing || exit 1
else
    echo "deps: missing packages; run as root:"
    echo "    sudo apt-get install -y$missing"
    exit 1
fi
