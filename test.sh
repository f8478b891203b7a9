#!/usr/bin/env bash
# Runs every test of ImageBackup: restores NuGet and npm packages, starts Azurite (unless
# AzureWebJobsStorage already points at a running endpoint), builds, tests, stops what it started,
# and ends with one line "N passed, N failed[, N skipped]". Exits non-zero on any failure.
#   ./test.sh                 all tests
#   ./test.sh --filter X      passes a filter to dotnet test (e.g. FullyQualifiedName~Billing)
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh
# shellcheck source=scripts/test-tools.sh
source scripts/test-tools.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export AZURITE_BLOB_PORT="${AZURITE_BLOB_PORT:-20000}"
results="$root/.work/test-results"
rm -rf "$results"; mkdir -p "$results"

cleanup() { azurite_down; }
trap cleanup EXIT
trap 'exit 130' INT TERM

test_tools_install || { echo "0 passed, 1 failed"; exit 1; }
dotnet restore ImageBackup.sln --nologo -v q || { echo "0 passed, 1 failed"; exit 1; }
dotnet build ImageBackup.sln --no-restore --nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
azurite_up || { echo "0 passed, 1 failed"; exit 1; }

# The console logger names every failed test with its message and stack trace (quiet otherwise).
dotnet test ImageBackup.sln --no-build --nologo -v q --logger "console;verbosity=minimal" --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  # Count the outcome of each test result (the Counters summary reports Assert.Inconclusive skips as 0).
  outcomes=$(grep -o '<UnitTestResult [^>]*' "$trx" | grep -o ' outcome="[A-Za-z]*"' | sort | uniq -c)
  count() { printf '%s\n' "$outcomes" | awk -v re="$1" '$2 ~ re { n += $1 } END { print n + 0 }'; }
  passed=$((passed + $(count '"Passed"')))
  failed=$((failed + $(count '"(Failed|Error|Timeout|Aborted)"')))
  skipped=$((skipped + $(count '"(NotExecuted|Inconclusive|NotRunnable)"')))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
