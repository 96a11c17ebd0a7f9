# A broken configuration: every error at once with its line, and nothing runs.
# (A broken file cannot name the language: its errors are in --lang's.)
$HD --lang en --config $ROOT/tests/cli/data/broken.cfg init
echo "status: $?"
test -e test.db && echo "test.db was created" || echo "no database was created"
$HD --lang en --config $ROOT/tests/cli/data/missing.cfg init
echo "status: $?"
$HD config
