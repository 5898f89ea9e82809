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
# Woven: only the library (not its tests), every type of it, with the weaver and runtime built from this repository
# exactly as the samples are (build/WeaveInSolution.props).
cat > "$work/woven/src/FodyWeavers.xml" <<'XML'
<Weavers>
  <MemScope TrackAll="true" />
</Weavers>
XML
cat > "$work/woven/src/Directory.Build.targets" <<XML
<Project>
  <Import Project="$repo/build/WeaveInSolution.props" />
</Project>
XML

nice dotnet build "$repo/MemScope.Fody/MemScope.Fody.csproj" -c "$config" -v q -nologo

run_tests() {
  local dir=$1 log=$2
  shift 2
  (cd "$dir" && nice env "$@" dotnet test UnitTests/UnitTests.csproj -c "$config" -nologo \
     --logger "trx;LogFileName=results.trx" 2>&1 | tee "$log" | grep -E '^(Passed!|Failed!|Total|  Failed )|error' || true)
}

echo "== unwoven"
run_tests "$work/unwoven" "$work/unwoven.log" MEMSCOPE_ENABLED=0 RMS_ORACLE="$work/unwoven-oracle.txt"
echo "== woven"
mkdir -p "$work/report"
run_tests "$work/woven" "$work/woven.log" MEMSCOPE_OUTPUT="$work/report" MEMSCOPE_STREAM="$work/report/" MEMSCOPE_QUIET=1 RMS_ORACLE="$work/woven-oracle.txt"

memscope=(dotnet run --project "$repo/MemScope.Cli" -c "$config" --)
trace=$(find "$work/report" -name '*.mscope' | head -n 1)
spill=$(find "$work/report" -name '*.spill' | head -n 1)
input=${trace:+$(dirname "$trace")}
input=${input:-$spill}
echo "== memscope summary $input"
nice "${memscope[@]}" summary "$input" | tee "$work/summary.txt"
echo "== memscope check $input"
nice "${memscope[@]}" check "$input" | tee "$work/check.txt" || true
