#!/usr/bin/env bash
# Weaves SharpZipLib (streams that own streams, ArrayPool buffers, zip/tar/bzip2/gzip) with
# <MemScope TrackAll="true" /> and runs its own NUnit suite woven and unwoven, then gives the woven run's trace to
# `memscope summary` / `memscope check`. Not part of the test suite: it downloads a library and its packages.
#
#   benchmarks/ThirdParty/sharpziplib.sh [work-dir]
#
# SZL_SRC=dir     use this checkout of the library instead of cloning it
# SZL_COMMIT=sha  the commit to clone (default: the one docs/third-party-validation.md measured)
# CONFIG=Release  build configuration of both runs (default Debug)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/tmp/memscope-szl}
commit=${SZL_COMMIT:-ff2d7c30bdb2474d507f001bc555405e9f02a0bb}
config=${CONFIG:-Debug}
# The two long-running and the eight performance tests only measure speed, and the two serialization tests need
# BinaryFormatter, gone from .NET 10: both runs leave them out alike.
test_filter='TestCategory!~Long&TestCategory!=Performance&TestCategory!=Serialization'
source "$repo/benchmarks/ThirdParty/common.sh"

rm -rf "$work" && mkdir -p "$work/src"
if [[ -n "${SZL_SRC:-}" ]]; then
  cp -r "$SZL_SRC"/. "$work/src"
else
  git clone -q https://github.com/icsharpcode/SharpZipLib "$work/src"
  git -C "$work/src" checkout -q "$commit"
fi
rm -rf "$work/src/.git"

lib=src/ICSharpCode.SharpZipLib
tests=test/ICSharpCode.SharpZipLib.Tests/ICSharpCode.SharpZipLib.Tests.csproj
# Library and tests both for net10.0 only (they target netstandard2.x/net6.0/net462); no package on build.
prepare() {
  local dir=$1
  cp -r "$work/src" "$dir"
  rm -f "$dir/global.json"
  sed -i -e 's|<TargetFrameworks>.*</TargetFrameworks>|<TargetFrameworks>net10.0</TargetFrameworks>|' \
         -e 's|<GeneratePackageOnBuild>true|<GeneratePackageOnBuild>false|' "$dir/$lib/ICSharpCode.SharpZipLib.csproj"
  # nunit.console is the standalone runner, unused by dotnet test and no longer on nuget.org under that id.
  sed -i -e 's|<TargetFrameworks>.*</TargetFrameworks>|<TargetFrameworks>net10.0</TargetFrameworks>|' \
         -e '/Include="nunit.console"/d' "$dir/$tests"
  # Its two serialization tests use BinaryFormatter, an error to build and removed at run time since .NET 9.
  sed -i 's|</TargetFrameworks>|</TargetFrameworks><NoWarn>$(NoWarn);SYSLIB0011</NoWarn>|' "$dir/$tests"
}

prepare "$work/unwoven"
prepare "$work/woven"
weave "$work/woven/$lib"

nice dotnet build "$repo/MemScope.Fody/MemScope.Fody.csproj" -c "$config" -v q -nologo

echo "== unwoven"
run_tests "$work/unwoven" "$tests" "$work/unwoven.log"
echo "== woven"
mkdir -p "$work/report"
run_tests "$work/woven" "$tests" "$work/woven.log" \
  MEMSCOPE_OUTPUT="$work/report" MEMSCOPE_STREAM="$work/report/" MEMSCOPE_QUIET=1
memscope_report "$work/report" "$work"
