# Shared by the third-party validation scripts: weave a library project with the weaver of this repository and
# TrackAll, run a test project, read the woven run's trace. Sourced, not run.

# weave <project-dir>: every type of the project is tracked, with the weaver and runtime built from this repository
# exactly as the samples are (build/WeaveInSolution.props).
weave() {
  local dir=$1
  cat > "$dir/FodyWeavers.xml" <<'XML'
<Weavers>
  <MemScope TrackAll="true" />
</Weavers>
XML
  cat > "$dir/Directory.Build.targets" <<XML
<Project>
  <Import Project="$repo/build/WeaveInSolution.props" />
</Project>
XML
}

# run_tests <solution-dir> <test-project> <log> [VAR=value...]: dotnet test there, its summary line on stdout.
run_tests() {
  local dir=$1 project=$2 log=$3
  shift 3
  (cd "$dir" && nice env "$@" dotnet test "$project" -c "$config" -nologo ${test_filter:+--filter "$test_filter"} \
     2>&1 | tee "$log" | grep -E '^(Passed!|Failed!|Total|  Failed )|error' || true)
  grep -qE '^(Passed|Failed)!' "$log" || { echo "no test run in $log" >&2; exit 1; }
}

# memscope_report <report-dir> <out-dir>: summary and check of the trace the woven run left, else of its spill file
# (the test host is killed about 100 ms after the run, usually before its export has written anything).
memscope_report() {
  local report=$1 out=$2
  local memscope=(dotnet run --project "$repo/MemScope.Cli" -c "$config" --)
  local trace spill input
  trace=$(find "$report" -name '*.mscope' | head -n 1)
  spill=$(find "$report" -name '*.spill' | head -n 1)
  input=${trace:+$(dirname "$trace")}
  input=${input:-$spill}
  [[ -n "$input" ]] || { echo "the woven run left neither a trace nor a spill file in $report" >&2; exit 1; }
  echo "== memscope summary $input"
  nice "${memscope[@]}" summary "$input" > "$out/summary.txt" || true
  echo "== memscope check $input"
  nice "${memscope[@]}" check "$input" > "$out/check.txt" || true
  tail -n 1 "$out/check.txt"
  echo "findings by kind:"
  grep -E '^  - ' "$out/check.txt" | sed -E 's/^  - (\[[a-z]+\] )?([A-Za-z]+):.*/\2/' | sort | uniq -c | sort -rn || true
}
