#!/usr/bin/env bash
# `npm test`: the whole suite — typecheck, lint, vitest, build, Playwright —
# in lanes that run at the same time, so that CI's two cores are both busy.
# Run one after the other they took ~14 min of CI's 15.6 (vitest 5.0 min,
# Playwright 8.1 min, typecheck + lint ~1 min, build 0.5 min), while each
# stage alone left a core mostly idle: vitest runs one worker on two cores
# (its default), and Playwright's one Chromium averages about two thirds of
# a core (316 s of CPU for the 52 tests), the rest being waits on pages, the
# service worker and IndexedDB. Side by side they fit in the two cores.
#
#   1. build (alone, first: Playwright loads .output, and it refreshes .wxt/,
#      which tsc and eslint read);
#   2. then at once:  typecheck → lint  |  vitest  |  Playwright.
#
# Nothing is skipped when a lane fails: every lane runs to its end and all
# failures are reported. Each lane's output goes to reports/<lane>.log and is
# printed whole as soon as the lane ends (no interleaved lines), then one line
# per lane with its status and wall time. Exits 1 if any lane failed.
# reports/checks.json records the exit status of the build and of typecheck →
# lint, which write no test report, so scripts/ci-summary.ts counts them.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/checks.json

now() { date +%s; }
started=$(now)

echo "== build"
build_start=$(now)
npm run build
build_status=$?
echo "== build: $([ "$build_status" -eq 0 ] && echo passed || echo FAILED) in $(($(now) - build_start)) s"

lanes=(static unit e2e)
declare -A command=(
  [static]='npm run typecheck && npm run lint'
  [unit]='npm run test:unit'
  [e2e]='npm run test:e2e'
)
# Without a build there is nothing for Playwright to load: that lane fails at once, saying why.
[ "$build_status" -eq 0 ] || command[e2e]='echo "the build failed: no end-to-end tests were run"; exit 1'

declare -A pid=() start=()
for lane in "${lanes[@]}"; do
  rm -f "reports/$lane.status"
  start[$lane]=$(now)
  (
    bash -c "${command[$lane]}" >"reports/$lane.log" 2>&1
    echo $? >"reports/$lane.status"
  ) &
  pid[$lane]=$!
done
trap 'kill "${pid[@]}" 2>/dev/null; exit 130' INT TERM

declare -A status=() took=()
ended=0
while [ "$ended" -lt "${#lanes[@]}" ]; do
  for lane in "${lanes[@]}"; do
    [ -n "${status[$lane]:-}" ] && continue
    if [ -s "reports/$lane.status" ]; then
      wait "${pid[$lane]}" 2>/dev/null
      status[$lane]=$(cat "reports/$lane.status")
      took[$lane]=$(($(now) - start[$lane]))
      ended=$((ended + 1))
      echo "== $lane (${command[$lane]}): ended after ${took[$lane]} s"
      cat "reports/$lane.log"
    fi
  done
  [ "$ended" -lt "${#lanes[@]}" ] && sleep 1
done

printf '{"build": %d, "typecheck and lint": %d}\n' "$build_status" "${status[static]}" >reports/checks.json
failed=$build_status
echo "== npm test: $(($(now) - started)) s in all"
echo "   build: $([ "$build_status" -eq 0 ] && echo passed || echo FAILED)"
for lane in "${lanes[@]}"; do
  echo "   $lane: $([ "${status[$lane]}" -eq 0 ] && echo passed || echo FAILED) in ${took[$lane]} s"
  [ "${status[$lane]}" -eq 0 ] || failed=1
done
[ "$failed" -eq 0 ] || exit 1
