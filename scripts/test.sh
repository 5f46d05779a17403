#!/usr/bin/env bash
# The README's test command (and what .ci/run calls): installs from Debian's packages what the tests
# need and the machine lacks, then runs `dotnet test` with any arguments given here
# (e.g. `bash scripts/test.sh tests/Leadwise.Reports.Tests --filter ReportCurves`).
#   chromium           /usr/bin/chromium, opened headless by the report's browser test (Playwright)
#   fonts-dejavu-core  a font for chart text (SkiaSharp reads /usr/share/fonts directly)
#   postgresql         /usr/lib/postgresql/<version>/bin/initdb and pg_ctl: the storage tests start a throwaway
#                      server with them (Debian bookworm's postgresql is PostgreSQL 15); no server is left running
# LEADWISE_REQUIRE_BROWSER=1 and LEADWISE_REQUIRE_POSTGRES=1 then make a missing browser or PostgreSQL fail
# those tests instead of skipping them.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ! find /usr/share/fonts -type f \( -name '*.ttf' -o -name '*.otf' \) -print -quit 2>/dev/null | grep -q .; then
  missing+=(fonts-dejavu-core)
fi

has_postgres() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; }
has_postgres || missing+=(postgresql)

if [ "${#missing[@]}" -gt 0 ]; then
  echo "scripts/test.sh: installing ${missing[*]} (apt-get; this happens once per machine)"
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "scripts/test.sh: ${missing[*]} must be installed and this is not root (no sudo either): run as root, or apt-get install ${missing[*]}" >&2
      exit 1
    fi
    as_root=(sudo)
  fi

  apt_log=$(mktemp)
  if ! { "${as_root[@]}" apt-get update -qq && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >"$apt_log" 2>&1; then
    tail -n 40 "$apt_log" >&2
    echo "scripts/test.sh: FAILED to install ${missing[*]} (apt-get output above)" >&2
    rm -f "$apt_log"
    exit 1
  fi
  rm -f "$apt_log"

  if [ ! -x /usr/bin/chromium ]; then
    echo "scripts/test.sh: FAILED: the chromium package installed but /usr/bin/chromium is not there" >&2
    exit 1
  fi
  if ! has_postgres; then
    echo "scripts/test.sh: FAILED: the postgresql package installed but /usr/lib/postgresql/*/bin/initdb is not there" >&2
    exit 1
  fi
fi

export LEADWISE_REQUIRE_BROWSER=1
export LEADWISE_REQUIRE_POSTGRES=1
status=0
dotnet test "$@" || status=$?

# The browser test's full-page screenshot, in whichever configuration's output folder was just built.
screenshot=$(find tests/Leadwise.Reports.Tests/bin -path '*/artifacts/report.png' -newer scripts/test.sh -printf '%T@ %p\n' 2>/dev/null | sort -rn | head -n 1 | cut -d' ' -f2-)
if [ -n "$screenshot" ]; then
  echo "Report screenshot (headless Chromium): $screenshot"
fi
exit "$status"
