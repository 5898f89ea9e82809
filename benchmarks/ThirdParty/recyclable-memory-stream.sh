#!/usr/bin/env bash
# Weaves Microsoft.IO.RecyclableMemoryStream with <MemScope TrackAll="true" /> and runs its own NUnit suite
# woven and unwoven, then gives the woven run's trace to `memscope summary` / `memscope check`.
# Not part of the test suite: it downloads a library and its packages and takes minutes.
#
#   benchmarks/ThirdParty/recyclable-memory-stream.sh [work-dir]
#
# RMS_SRC=dir     use this checkout of the library instead of cloning it
# RMS_COMMIT=sha  the commit to clone (default: the one docs/third-party-validation.md measured)
# CONFIG=Release  build configuration of both runs (default Debug)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/tmp/memscope-rms}
commit=${RMS_COMMIT:-22f2f7648a23b8b6868aef4d888a8efe864c0617}
config=${CONFIG:-Debug}
source "$repo/benchmarks/ThirdParty/common.sh"

rm -rf "$work" && mkdir -p "$work/src"
if [[ -n "${RMS_SRC:-}" ]]; then
  cp -r "$RMS_SRC"/. "$work/src"
else
  git clone -q https://github.com/microsoft/Microsoft.IO.RecyclableMemoryStream "$work/src"
  git -C "$work/src" checkout -q "$commit"
fi
rm -rf "$work/src/.git"

# The library targets netstandard2.0/2.1 and net6.0 and pins SDK 8: only .NET 10 is required here,
# so library and tests are both built for net10.0 with whatever SDK is installed.
prepare() {
  local dir=$1
  cp -r "$work/src" "$dir"
  rm -f "$dir/global.json"
  sed -i 's|<TargetFrameworks>.*</TargetFrameworks>|<TargetFrameworks>net10.0</TargetFrameworks>|' \
    "$dir/src/Microsoft.IO.RecyclableMemoryStream.csproj"
  sed -i 's|<TargetFramework>.*</TargetFramework>|<TargetFramework>net10.0</TargetFramework>|' \
    "$dir/UnitTests/UnitTests.csproj"
  # The oracle: the library's own events name the streams finalized undisposed or disposed twice, and their tests.
  cp "$repo/benchmarks/ThirdParty/RmsOracle.cs" "$dir/UnitTests/"
}

prepare "$work/unwoven"
prepare "$work/woven"
weave "$work/woven/src"

nice dotnet build "$repo/MemScope.Fody/MemScope.Fody.csproj" -c "$config" -v q -nologo

echo "== unwoven"
run_tests "$work/unwoven" UnitTests/UnitTests.csproj "$work/unwoven.log" RMS_ORACLE="$work/unwoven-oracle.txt"
echo "== woven"
mkdir -p "$work/report"
run_tests "$work/woven" UnitTests/UnitTests.csproj "$work/woven.log" \
  MEMSCOPE_OUTPUT="$work/report" MEMSCOPE_STREAM="$work/report/" MEMSCOPE_QUIET=1 RMS_ORACLE="$work/woven-oracle.txt"
memscope_report "$work/report" "$work"
echo "the library's own account (woven run): $(head -n 1 "$work/woven-oracle.txt")"
