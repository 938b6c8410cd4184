#!/usr/bin/env bash
# Publishes the portal as the README's hosting section does (self-contained, trimmed, composite ReadyToRun),
# starts it on the bundled notes with a fresh database, and walks every page, every API endpoint and one
# learner's quiz (SageStudy.Bench smoke). The tests run the app in-process, untrimmed; this checks the
# build people host. Exit code 0 when every check passed. Run by .ci/run after the tests; ~4 minutes.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(mktemp -d)
APP_PID=
cleanup() {
    [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
    rm -rf "$OUT"
}
trap cleanup EXIT

source "$ROOT/bench/publish.sh"
echo "smoke: publishing the portal for $RID (~3 minutes)"
publish_portal "$OUT" >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; echo "smoke: the build failed" >&2; exit 1; }
dotnet build-server shutdown >/dev/null 2>&1 || true

PORT=18180
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
BASE=http://127.0.0.1:$PORT
(
    cd "$OUT/app"
    ASPNETCORE_ENVIRONMENT=Production exec ./SageStudy.Web --Content:Root="$ROOT/content" \
        --ConnectionStrings:SageStudy="Data Source=$OUT/smoke.db" --urls "$BASE"
) >"$OUT/app.log" 2>&1 &
APP_PID=$!

status=0
# The smoke command waits for /healthz itself (no curl needed on a fresh machine).
dotnet "$OUT/artifacts/bin/SageStudy.Bench/release/SageStudy.Bench.dll" smoke --base "$BASE" || status=$?
kill -0 "$APP_PID" 2>/dev/null || { echo "smoke: the portal exited:" >&2; tail -30 "$OUT/app.log" >&2; status=1; }
if grep -E '^(fail|crit):' "$OUT/app.log" >/dev/null; then
    echo "smoke: the portal logged errors:" >&2
    grep -A12 -E '^(fail|crit):' "$OUT/app.log" >&2
    status=1
fi
exit $status
