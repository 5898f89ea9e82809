#!/usr/bin/env bash
# Every test of the repository, with the set-up the tests need, on a machine that has only the .NET SDK (10.x):
#   ./test.sh                 # = dotnet test MemScope.sln, after the set-up below
#   ./test.sh --filter X      # arguments go to dotnet test
# Set-up: the dashboard's browser tests drive Debian's headless Chromium (/usr/bin/chromium), installed here when
# missing (as root, with apt-get). Every NuGet package comes from the package registry during restore.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ]; then
    echo "test.sh: installing chromium for the dashboard tests" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test.sh: the dashboard tests need /usr/bin/chromium; install Debian's chromium package (as root: apt-get install -y chromium)" >&2
    exit 1
  fi
fi

exec dotnet test MemScope.sln "$@"
