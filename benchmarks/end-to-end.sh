#!/usr/bin/env bash
# What a user waits for: SpeedTest as a whole process (start, workload, report, exit), each configuration run in turn
# so that they share the machine's state, N rounds, the median wall time and the median peak RSS of each.
#
#   benchmarks/end-to-end.sh [rounds]      # default 7; needs the .NET SDK and /usr/bin/time
#
# Configurations: the same program compiled without the weaver (MemScope off: the floor), woven with its full report,
# woven writing only the trace (MEMSCOPE_EXPORT=trace), woven with MEMSCOPE_ENABLED=0, and the unwoven program under heaptrack and dotnet-trace when they are installed
# (Debian's heaptrack; dotnet-trace is installed into a temporary folder from NuGet when it is missing).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-7}
work=$(mktemp -d /tmp/memscope-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "building SpeedTest (Release), woven and unwoven..." >&2
dotnet build -c Release "$repo/samples/SpeedTest" -v q -nologo >/dev/null
woven="$repo/samples/SpeedTest/bin/Release/net10.0/SpeedTest"

# The same sources with no weaver: MemScope.Runtime is referenced only for [Tracked] and MemScope.Export, which the
# program calls; MEMSCOPE_ENABLED=0 makes that call return at once, so this is the program without MemScope.
mkdir -p "$work/unwoven"
cat >"$work/unwoven/SpeedTest.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <Optimize>true</Optimize>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="$repo/samples/SpeedTest/*.cs" />
    <Compile Include="$repo/samples/SpeedTest.Workload/*.cs" />
    <ProjectReference Include="$repo/MemScope.Runtime/MemScope.Runtime.csproj" />
  </ItemGroup>
</Project>
EOF
dotnet build -c Release "$work/unwoven" -o "$work/unwoven/out" -v q -nologo >/dev/null
unwoven="$work/unwoven/out/SpeedTest"

configs=(unwoven woven-report woven-trace woven-disabled)
declare -A command=(
  [unwoven]="env MEMSCOPE_ENABLED=0 $unwoven"
  [woven-report]="env MEMSCOPE_QUIET=1 $woven"
  [woven-trace]="env MEMSCOPE_QUIET=1 MEMSCOPE_EXPORT=trace $woven"
  [woven-disabled]="env MEMSCOPE_ENABLED=0 $woven"
)
declare -A label=(
  [unwoven]="not woven (MemScope off)"
  [woven-report]="woven, full report (JSON, SVG, dashboard, trace)"
  [woven-trace]="woven, the trace only (MEMSCOPE_EXPORT=trace)"
  [woven-disabled]="woven, MEMSCOPE_ENABLED=0"
)

if command -v heaptrack >/dev/null; then
  configs+=(heaptrack)
  command[heaptrack]="env MEMSCOPE_ENABLED=0 heaptrack -o $work/heaptrack/speedtest $unwoven"
  label[heaptrack]="not woven, under heaptrack"
  mkdir -p "$work/heaptrack"
fi
trace_tool=$(command -v dotnet-trace || true)
if [ -z "$trace_tool" ] && dotnet tool install dotnet-trace --tool-path "$work/tools" >/dev/null 2>&1; then
  trace_tool="$work/tools/dotnet-trace"
fi
if [ -n "$trace_tool" ]; then
  configs+=(dotnet-trace)
  command[dotnet-trace]="$trace_tool collect --profile gc-verbose -o $work/speedtest.nettrace --show-child-io -- env MEMSCOPE_ENABLED=0 $unwoven"
  label[dotnet-trace]="not woven, under dotnet-trace --profile gc-verbose"
fi

cd "$work"
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds" >&2
  for config in "${configs[@]}"; do
    rm -rf "$work/MemoryAnalysis" "$work/heaptrack"/* "$work/speedtest.nettrace"
    /usr/bin/time -f "%e %M" -o "$work/time" ${command[$config]} >"$work/stdout" 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    read -r seconds kilobytes <"$work/time"
    echo "$seconds" >>"$work/$config.seconds"
    echo "$kilobytes" >>"$work/$config.kb"
    # The program's own working set after its workload, before any report (SpeedTest prints it).
    awk '/^working set/ { print $3 }' "$work/stdout" >>"$work/$config.ws"
  done
done

median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
base=$(median "$work/unwoven.seconds")
echo
echo "SpeedTest (Release) as a whole process, $rounds rounds, median; $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo "| configuration | wall time | / not woven | peak RSS | working set before the report |"
echo "|---|---:|---:|---:|---:|"
for config in "${configs[@]}"; do
  seconds=$(median "$work/$config.seconds")
  megabytes=$(awk -v kb="$(median "$work/$config.kb")" 'BEGIN { printf "%.0f", kb / 1024 }')
  ratio=$(awk -v s="$seconds" -v b="$base" 'BEGIN { printf "%.2f", s / b }')
  workingset=$( [ -s "$work/$config.ws" ] && echo "$(median "$work/$config.ws") MB" || echo "–")
  echo "| ${label[$config]} | ${seconds} s | ${ratio}× | ${megabytes} MB | ${workingset} |"
done
