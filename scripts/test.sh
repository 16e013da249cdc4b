#!/usr/bin/env bash
# The test command: bash scripts/test.sh
#
# 1. Installs what a fresh Debian machine lacks for the tests (as root, only what is missing):
#    PostgreSQL 15 (the database tests start a throwaway cluster with its initdb/pg_ctl),
#    Chromium (/usr/bin/chromium, driven by the browser tests), CJK fonts (so pages render Chinese),
#    poppler-utils + poppler-data and tesseract-ocr + tesseract-ocr-chi-sim (document ingestion and OCR),
#    libreoffice-writer-nogui (a test opens the review report .docx in LibreOffice to check its anchored comments).
# 2. Builds Lvyue.slnx (when every project it lists exists), then runs each tests/*/*.csproj in turn.
# 3. Prints "N passed, N failed" summed over all projects and exits non-zero on any failure.
#
# Extra arguments go to `dotnet test` (e.g. --filter FullyQualifiedName~Ledger).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

have_initdb() {
    command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}
have_package() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

install_missing() {
    local missing=()
    have_initdb || missing+=(postgresql)
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    have_package fonts-noto-cjk || missing+=(fonts-noto-cjk)
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
    have_package poppler-data || missing+=(poppler-data) # CJK character maps for pdftotext and pdftoppm
    command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
    have_package tesseract-ocr-chi-sim || missing+=(tesseract-ocr-chi-sim)
    command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "test.sh: missing ${missing[*]}; install them (Debian: sudo apt-get install ${missing[*]}) or the tests that need them fail." >&2
        return 0
    fi
    echo "test.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Projects named by the solution that are not in the work tree (yet).
missing_projects() {
    grep -o 'Path="[^"]*\.csproj"' Lvyue.slnx | sed 's/^Path="//; s/"$//' | while read -r p; do
        [ -f "$p" ] || echo "$p"
    done
}

install_missing

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
failed=0

# Build the whole solution once when it is complete (so the CLI and benchmarks must compile too), then
# run the test projects one after another: each starts its own throwaway PostgreSQL, and the machine
# may have two cores. A project that leaves no results (it did not build) counts as one failure.
test_args=()
absent=$(missing_projects)
if [ -n "$absent" ]; then
    echo "test.sh: the solution lists projects not in the work tree: $(echo "$absent" | tr '\n' ' ')- testing each tests/*/*.csproj"
elif dotnet build Lvyue.slnx; then
    test_args+=(--no-build)
else
    status=1
    echo "test.sh: the solution does not build; testing the projects that do" >&2
fi

for project in tests/*/*.csproj; do
    name=$(basename "$project" .csproj)
    if ! dotnet test "$project" "${test_args[@]}" --logger "trx;LogFileName=$name.trx" \
            --logger "console;verbosity=minimal" --results-directory "$results" "$@"; then
        status=1
    fi
    if [ ! -f "$results/$name.trx" ]; then
        echo "test.sh: $name ran no tests (see the build errors above)" >&2
        failed=$((failed + 1))
    fi
done

passed=0
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
done

[ "$failed" -gt 0 ] && status=1
[ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && { echo "test.sh: no test ran" >&2; status=1; }
echo "$passed passed, $failed failed"
exit "$status"
