#!/usr/bin/env bash
# Attack checks that take minutes, beside the benchmark: sqlmap against every endpoint that takes
# input. The quick checks (XSS corpus in a real browser, lockout, antiforgery, other learners' ids,
# security headers) run in `dotnet test`. Results go to docs/security.md.
#
#   bench/security.sh            # all endpoints, sqlmap --level 2 --risk 2
#   bench/security.sh --quick    # --level 1 --risk 1
set -euo pipefail
cd "$(dirname "$0")/.."

level=2 risk=2
if [[ "${1:-}" == "--quick" ]]; then level=1 risk=1; fi

if ! command -v sqlmap >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlmap >/dev/null
fi

out=bench/out/security
rm -rf "$out" && mkdir -p "$out/content"
cp -r content/. "$out/content/"
dotnet publish src/SageStudy.Web -c Release -o "$out/app" --nologo -v quiet >/dev/null

port=5391
base="http://127.0.0.1:$port"
ASPNETCORE_ENVIRONMENT=Production dotnet "$out/app/SageStudy.Web.dll" --contentRoot "$PWD/$out/app" --urls "$base" \
  "--Content:Root=$PWD/$out/content" "--ConnectionStrings:SageStudy=Data Source=$PWD/$out/security.db" \
  --Logging:LogLevel:Default=Warning >"$out/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.2; done

# A signed-in learner with a quiz, for the endpoints behind sign-in.
jar="$out/cookies.txt"
token() { curl -s -b "$jar" -c "$jar" "$base$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
curl -s -b "$jar" -c "$jar" -o /dev/null "$base/Identity/Account/Register" \
  --data-urlencode "Input.Email=probe@example.com" --data-urlencode "Input.Password=Probe-password-1" \
  --data-urlencode "Input.ConfirmPassword=Probe-password-1" --data-urlencode "__RequestVerificationToken=$(token /Identity/Account/Register)"
quiz=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' "$base/quiz" \
  --data-urlencode "Input.Source=all" --data-urlencode "Input.Count=20" --data-urlencode "__RequestVerificationToken=$(token /quiz)" | sed 's#.*/quiz/##')
cookie=$(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s=%s;", $6, $7 }' "$jar")

# Each target: a name, then sqlmap arguments. `*` marks a path segment to inject into.
targets=(
  "search page|-u $base/search?q=spot&tag=exam-tip&folder=data"
  "search API|-u $base/api/search?q=spot&tag=exam-tip&folder=data"
  "tag page|-u $base/tags/exam-tip*?match=any"
  "tag API|-u $base/api/tags/exam-tip*?match=all"
  "tag filter form|-u $base/tags?tag=exam-tip&tag=gotcha&match=any"
  "note page filter|-u $base/notes/sagemaker?tag=exam-tip&match=any"
  "note API|-u $base/api/notes/sagemaker*"
  "cram sheet|-u $base/cram?tag=exam-tip&tag=gotcha"
  "questions API|-u $base/api/questions?note=sagemaker&tag=exam-tip&source=authored"
  "guest quiz|-u $base/quiz/try?source=tag:exam-tip&count=3&seed=7&i=1&right=0"
  "start quiz (signed in)|-u $base/quiz --data Input.Source=all&Input.Count=3&Input.Mode=Practice&__RequestVerificationToken=x --csrf-token=__RequestVerificationToken --csrf-url=$base/quiz --cookie=$cookie"
  "quiz answer (signed in)|-u $base/quiz/$quiz/1?handler=Check --data chosen=0&__RequestVerificationToken=x -p chosen,handler --csrf-token=__RequestVerificationToken --csrf-url=$base/quiz/$quiz/1 --cookie=$cookie"
  "quiz page id (signed in)|-u $base/quiz/$quiz*/1 --cookie=$cookie"
  "progress API (signed in)|-u $base/api/progress --cookie=$cookie"
  "login|-u $base/Identity/Account/Login --data Input.Email=a@example.com&Input.Password=x&__RequestVerificationToken=x -p Input.Email,Input.Password --csrf-token=__RequestVerificationToken --csrf-url=$base/Identity/Account/Login"
)

report="$out/report.md"
: >"$report"
found=0
for target in "${targets[@]}"; do
  name=${target%%|*}
  read -r -a args <<<"${target#*|}"
  log="$out/sqlmap-$(echo "$name" | tr -c 'a-z0-9' '-').log"
  sqlmap --batch --level="$level" --risk="$risk" --flush-session \
    --output-dir="$out/sqlmap" "${args[@]}" >"$log" 2>&1 || true
  if grep -qiE "identified the following injection point|is vulnerable" "$log"; then
    verdict="INJECTABLE"; found=1
  elif grep -qiE "all tested parameters do not appear to be injectable|does not seem to be injectable" "$log"; then
    verdict="not injectable"
  else
    verdict="inconclusive (see $log)"
  fi
  printf '| %s | %s |\n' "$name" "$verdict" | tee -a "$report"
done

mkdir -p docs
{
  echo "# Security checks"
  echo
  echo "Last run: $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(sqlmap --version 2>/dev/null | head -1 | awk '{print "sqlmap " $1}'), level $level, risk $risk."
  echo
  echo "## SQL injection: \`bench/security.sh\`"
  echo
  echo "Every endpoint that takes input, with \`sqlmap --batch\`; forms are posted with a fresh antiforgery token each time (\`--csrf-token\`), signed-in endpoints with a learner's cookie."
  echo
  echo "| Endpoint | Result |"
  echo "|---|---|"
  cat "$report"
  echo
  echo "All queries are parameterised: EF Core LINQ, and the hand-written SQL (index writes, FTS5 search) binds every value as a parameter. Search input is reduced to quoted words before it reaches FTS5, so its query syntax is never exposed."
  echo
  echo "## Checks in \`dotnet test\`"
  echo
  echo "- XSS corpus (script tags, event handlers, \`javascript:\` and \`data:\` URLs, SVG onload, entity-encoded script) in notes, authored questions, search queries and account names, rendered in Chromium with a dialog handler that fails the test: \`tests/SageStudy.Browser.Tests\`."
  echo "- Login brute force meets lockout after 5 failures: \`LearnerDataTests.Repeated_failed_logins_lock_the_account\`."
  echo "- A POST without an antiforgery token is refused: \`QuizFlowTests.A_post_without_an_antiforgery_token_is_refused\`."
  echo "- One learner's quiz ids in another's session give 404 and change nothing: \`LearnerDataTests.Another_learner_cannot_read_or_change_a_quiz_by_guessing_its_id\`."
  echo "- Security headers on every response (CSP without inline script, \`nosniff\`, \`Referrer-Policy\`, \`frame-ancestors 'none'\`) and HttpOnly, SameSite cookies: \`SecurityTests\`."
  echo "- 32 learners answering through two SIGKILL restarts lose no acknowledged answer, \`PRAGMA integrity_check\` is ok, sign-ins survive: \`Faults/KillAndRestartTests\`."
} >docs/security.md.tmp
mv docs/security.md.tmp docs/security.md
echo "Wrote docs/security.md"
exit $found
