#!/usr/bin/env bash
# SageStudy's benchmark: publishes the portal in Release, generates notes of the seed note's shape,
# and measures indexing beside Hugo, page throughput beside nginx serving the same HTML, search,
# answers per second with concurrent learners, /progress with a long history, and memory.
# Prints one table and writes it, with the machine it ran on, to docs/performance.md.
#
#   bench/run.sh           1,000 and 10,000 notes, 10 s load runs (about 10 minutes on 2 cores)
#   bench/run.sh --quick   1,000 notes only, shorter load runs, for development
#
# Needs the .NET SDK; installs wrk, nginx, hugo and curl with apt-get when they are missing.
# Everything it generates goes under bench/out/ (gitignored); everything it starts is stopped on exit.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/out
DOC=$ROOT/docs/performance.md

QUICK=0
for arg in "$@"; do
    case $arg in
        --quick) QUICK=1 ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
    esac
done

if ((QUICK)); then
    SIZES=(1000); WRK_DURATION=5s; ANSWER_SECONDS=10; MODE="quick (--quick: 1,000 notes, 5 s wrk runs, 10 s of answers)"
else
    SIZES=(1000 10000); WRK_DURATION=10s; ANSWER_SECONDS=20; MODE="full (1,000 and 10,000 notes, 10 s wrk runs, 20 s of answers)"
fi
LEARNERS=32
WARM_UP=15s
WRK_ROUNDS=3
SEQUENTIAL=200
HISTORY_ANSWERS=10000
HISTORY_QUESTIONS=500

log() { printf '\n[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { printf '[bench] error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- tools
command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is required"
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
command -v hugo >/dev/null || missing+=(hugo)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
    log "installing ${missing[*]} with apt-get"
    SUDO=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null || die "run as root or install sudo to install: ${missing[*]}"
        SUDO=(sudo)
    fi
    "${SUDO[@]}" apt-get update
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# ---------------------------------------------------------------- cleanup of everything started
WORK=$(mktemp -d /tmp/sagestudy-bench.XXXXXX)
chmod 755 "$WORK"
APP_PID=""
NGINX_PID=""
cleanup() {
    local status=$?
    for pid in "$APP_PID" "$NGINX_PID"; do
        if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$OUT/logs" "$OUT/db"
mkdir -p "$OUT/logs" "$OUT/db"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
now_ms() { date +%s%3N; }
# The value of "RESULT key=value" in a bench tool's output file.
result() { sed -n "s/^RESULT $2=//p" "$1" | tail -1; }
# "key=value" out of a wrk reporter line.
wrk_field() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }

free_port() {
    local port
    for port in $(seq "$1" $(($1 + 200))); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    die "no free port from $1"
}

# ---------------------------------------------------------------- build
source "$ROOT/bench/publish.sh"
log "building the bench tool and publishing the portal (Release, self-contained, trimmed, composite ReadyToRun for $RID; ~3 minutes)"
publish_portal "$OUT" >"$OUT/logs/build.log" 2>&1 || { tail -30 "$OUT/logs/build.log" >&2; die "the build failed (see bench/out/logs/build.log)"; }
# The build servers would otherwise keep CPU and memory busy during the first measurements.
dotnet build-server shutdown >/dev/null 2>&1 || true
BENCH=(dotnet "$OUT/artifacts/bin/SageStudy.Bench/release/SageStudy.Bench.dll")

APP_PORT=$(free_port 18080)
BASE=http://127.0.0.1:$APP_PORT

# ---------------------------------------------------------------- the portal
# start_app NOTES DB LABEL: starts the published app and waits for the first 200 on /.
# Sets APP_PID, FIRST_200_MS (exec to first 200), and from the log INDEX_* and the offsets of
# the "Indexed" and "Now listening" lines from exec (the log has millisecond timestamps).
start_app() {
    local notes=$1 db=$2 label=$3
    APP_LOG=$OUT/logs/app-$label.log
    local started
    started=$(now_ms)
    (
        cd "$OUT/app"
        # As the README's hosting section runs it: two malloc arenas (see there).
        MALLOC_ARENA_MAX=2 ASPNETCORE_ENVIRONMENT=Production exec ./SageStudy.Web \
            --Content:Root="$notes" \
            --ConnectionStrings:SageStudy="Data Source=$db" \
            --urls "$BASE" \
            --Logging:Console:FormatterName=simple \
            --Logging:Console:FormatterOptions:SingleLine=true \
            --Logging:Console:FormatterOptions:TimestampFormat="yyyy-MM-ddTHH:mm:ss.fffzzz "
    ) >"$APP_LOG" 2>&1 &
    APP_PID=$!
    local deadline=$((started + 900000))
    until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE/" || true) == 200 ]]; do
        kill -0 "$APP_PID" 2>/dev/null || { tail -20 "$APP_LOG" >&2; die "the portal exited during start ($label)"; }
        (($(now_ms) < deadline)) || die "the portal did not answer / within 15 minutes ($label)"
        sleep 0.02
    done
    FIRST_200_MS=$(($(now_ms) - started))

    local line
    line=$(log_line 'Indexed [0-9]* notes' 50)
    INDEX_NOTES=$(sed -n 's/.*Indexed \([0-9]*\) notes.*/\1/p' <<<"$line")
    INDEX_MS=$(sed -n 's/.* in \([0-9]*\) ms (.*/\1/p' <<<"$line")
    INDEX_PARSED=$(sed -n 's/.*(\([0-9]*\) parsed.*/\1/p' <<<"$line")
    INDEX_REUSED=$(sed -n 's/.*parsed, \([0-9]*\) unchanged.*/\1/p' <<<"$line")
    INDEXED_AT_MS=$(($(date -d "${line%% *}" +%s%3N) - started))
    # The question bank is generated after the notes are served, on a thread of its own.
    local bank
    bank=$(log_line 'Question bank: [0-9]* questions' 1200)
    INDEX_QUESTIONS=$(sed -n 's/.*Question bank: \([0-9]*\) questions.*/\1/p' <<<"$bank")
    BANK_MS=$(sed -n 's/.* questions in \([0-9]*\) ms.*/\1/p' <<<"$bank")
    # So are the search rows of the notes parsed (a restart with nothing changed writes none).
    SEARCH_ROWS=0 SEARCH_MS=0
    if ((INDEX_PARSED > 0)); then
        local search
        search=$(log_line 'Search index: [0-9]* sections' 1200)
        SEARCH_ROWS=$(sed -n 's/.*Search index: \([0-9]*\) sections.*/\1/p' <<<"$search")
        SEARCH_MS=$(sed -n 's/.* written in \([0-9]*\) ms.*/\1/p' <<<"$search")
    fi
    local listening
    listening=$(grep -m1 'Now listening on' "$APP_LOG" || true)
    LISTENING_AT_MS=$([[ -n $listening ]] && echo $(($(date -d "${listening%% *}" +%s%3N) - started)) || echo "?")
    printf '  %s: first 200 after %d ms; "Indexed" logged at %d ms: %s notes in %s ms (%s parsed, %s unchanged); search index %s rows and question bank %s questions in %s and %s ms more; listening at %s ms\n' \
        "$label" "$FIRST_200_MS" "$INDEXED_AT_MS" "$INDEX_NOTES" "$INDEX_MS" "$INDEX_PARSED" "$INDEX_REUSED" "$SEARCH_ROWS" "$INDEX_QUESTIONS" "$SEARCH_MS" "$BANK_MS" "$LISTENING_AT_MS" >&2
}

# hugo_build SITE: one clean `hugo --quiet` build of SITE; prints its wall time in ms.
hugo_build() {
    local site=$1 t0
    rm -rf "$site/public" "$site/resources"
    t0=$(now_ms)
    hugo --quiet --source "$site" --destination "$site/public" --cacheDir "$site/.cache" >/dev/null
    echo $(($(now_ms) - t0))
}

# three_starts NOTES DB LABEL fresh|reuse [HUGO_SITE]: starts the portal 3 times (each on an empty database when
# fresh) and sets MEDIAN_START to the figures of the start with the median index time; the last start is left
# running. With HUGO_SITE, Hugo builds it before each start, and HUGO_TIMES holds those build times.
three_starts() {
    local notes=$1 db=$2 label=$3 mode=$4 hugo_site=${5:-} run runs=()
    HUGO_TIMES=()
    for run in 1 2 3; do
        [[ -n $hugo_site ]] && HUGO_TIMES+=("$(hugo_build "$hugo_site")")
        [[ $mode == fresh ]] && rm -f "$db" "$db-wal" "$db-shm"
        start_app "$notes" "$db" "$label-$run"
        runs+=("$INDEX_MS $FIRST_200_MS $INDEXED_AT_MS $INDEX_PARSED $INDEX_QUESTIONS $BANK_MS $SEARCH_ROWS $SEARCH_MS")
        ((run == 3)) || stop_app
    done
    MEDIAN_START=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)
    echo "  $label index: $(printf '%s\n' "${runs[@]}" | cut -d' ' -f1 | tr '\n' ' ')ms; median ${MEDIAN_START%% *} ms" >&2
}

# log_line PATTERN TRIES: the first line of the portal's log matching PATTERN, waiting up to TRIES × 0.1 s for it.
log_line() {
    local line=""
    for _ in $(seq "$2"); do
        line=$(grep -m1 "$1" "$APP_LOG" || true)
        [[ -n $line ]] && break
        sleep 0.1
    done
    [[ -n $line ]] || die "no line matching '$1' in $APP_LOG"
    echo "$line"
}

stop_app() {
    if [[ -n $APP_PID ]]; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
        APP_PID=""
    fi
}

peak_rss_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status"; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status"; }

# ---------------------------------------------------------------- nginx beside it
NGINX_PORT=$(free_port 18380)
NG=$WORK/nginx
mkdir -p "$NG/www" "$NG/tmp"
cat >"$NG/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $NG/nginx.pid;
error_log $NG/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    default_type text/html;
    client_body_temp_path $NG/tmp/body;
    proxy_temp_path $NG/tmp/proxy;
    fastcgi_temp_path $NG/tmp/fastcgi;
    uwsgi_temp_path $NG/tmp/uwsgi;
    scgi_temp_path $NG/tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $NG/www;
        location / { try_files \$uri =404; }
    }
}
EOF
start_nginx() {
    chmod -R a+rX "$NG/www"
    "$NGINX" -e "$NG/error.log" -p "$NG" -c "$NG/nginx.conf" &
    NGINX_PID=$!
    for _ in $(seq 100); do
        [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT/" || true) != 000 ]] && return
        sleep 0.05
    done
    cat "$NG/error.log" >&2 || true
    die "nginx did not start"
}

# run_wrk URL [COOKIE]: prints the reporter line.
run_wrk() {
    local url=$1 cookie=${2:-}
    local args=(-t2 -c32 -d"$WRK_DURATION" --latency -s "$ROOT/bench/wrk-report.lua")
    [[ -n $cookie ]] && args+=(-H "Cookie: $cookie")
    wrk "${args[@]}" "$url" | grep '^WRK ' || echo "WRK rps=0 p50_ms=0 p95_ms=0 p99_ms=0 non2xx3xx=? socket_errors=?"
}

# warm_up URL [COOKIE]: an unmeasured wrk run, so the portal's JIT has tiered up the request path as it
# would have after its first minutes in service (nginx has nothing to warm up).
warm_up() {
    local args=(-t2 -c32 -d"$WARM_UP")
    [[ -n ${2:-} ]] && args+=(-H "Cookie: $2")
    wrk "${args[@]}" "$1" >/dev/null
}

# median_run LINE...: of several wrk result lines, the one with the median requests/s.
median_run() {
    printf '%s\n' "$@" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^rps=/) print substr($i, 5), $0 }' |
        sort -n | awk '{ lines[NR] = $0 } END { line = lines[int((NR + 1) / 2)]; sub(/^[^ ]* /, "", line); print line }'
}

# compare NAME PATH [COOKIE]: saves the app's page as a static file, then runs wrk on the portal and on
# nginx in turn, $WRK_ROUNDS times, and keeps each side's median run: the shared cores' speed drifts.
declare -A APP_RPS APP_P99 NGX_RPS NGX_P99 PAGE_BYTES RATIO WRK_ERRORS
compare() {
    local name=$1 path=$2 cookie=${3:-}
    local curl_args=(-s --max-time 120 -o "$NG/www/$name.html" -w '%{http_code}')
    [[ -n $cookie ]] && curl_args+=(-H "Cookie: $cookie")
    local status
    status=$(curl "${curl_args[@]}" "$BASE$path")
    [[ $status == 200 ]] || die "$path answered $status, not 200"
    PAGE_BYTES[$name]=$(stat -c %s "$NG/www/$name.html")
    log "wrk $path (${PAGE_BYTES[$name]} bytes): portal (after a $WARM_UP warm-up) and nginx with the same HTML, in turn, $WRK_ROUNDS times"
    warm_up "$BASE$path" "$cookie"
    local apps=() ngxs=() round app ngx
    for round in $(seq "$WRK_ROUNDS"); do
        apps+=("$(run_wrk "$BASE$path" "$cookie")")
        ngxs+=("$(run_wrk "http://127.0.0.1:$NGINX_PORT/$name.html" "$cookie")")
        echo "  round $round: portal $(wrk_field "${apps[-1]}" rps)/s, nginx $(wrk_field "${ngxs[-1]}" rps)/s" >&2
    done
    app=$(median_run "${apps[@]}")
    ngx=$(median_run "${ngxs[@]}")
    echo "  portal (median): $app" >&2
    echo "  nginx (median):  $ngx" >&2
    APP_RPS[$name]=$(wrk_field "$app" rps)
    APP_P99[$name]=$(wrk_field "$app" p99_ms)
    NGX_RPS[$name]=$(wrk_field "$ngx" rps)
    NGX_P99[$name]=$(wrk_field "$ngx" p99_ms)
    WRK_ERRORS[$name]="$(wrk_field "$app" non2xx3xx)/$(wrk_field "$app" socket_errors)"
    RATIO[$name]=$(calc "%.2f" "${APP_RPS[$name]} / (${NGX_RPS[$name]} > 0 ? ${NGX_RPS[$name]} : 1)")
}

# ---------------------------------------------------------------- per note count
declare -A GEN_BYTES COMMON_WORD SAMPLE_NOTE HUGO_MS COLD_FIRST COLD_INDEX_MS COLD_INDEXED_AT COLD_PARSED COLD_QUESTIONS COLD_BANK_MS COLD_SEARCH_ROWS COLD_SEARCH_MS \
    RESTART_FIRST RESTART_INDEX_MS RESTART_INDEXED_AT RESTART_PARSED START_RSS SEQ_NOTE SEQ_TAG SEQ_SEARCH SEQ_BYTES

sequential() { # OUTFILE PATH [extra args]: one request at a time, 20 warm-up requests first
    local file=$1 path=$2
    shift 2
    "${BENCH[@]}" sequential --base "$BASE" --path "$path" "$@" >"$file"
}

log "the portal on an empty notes folder: what the runtime, ASP.NET Core, EF Core and Identity take alone"
mkdir -p "$OUT/notes-empty"
rm -f "$OUT/db/bench-empty.db"*
start_app "$OUT/notes-empty" "$OUT/db/bench-empty.db" "empty"
EMPTY_RSS=$(peak_rss_mb)
stop_app

for n in "${SIZES[@]}"; do
    log "generating $n notes (and the same notes as Hugo content)"
    notes=$OUT/notes-$n
    site=$OUT/hugo-$n
    rm -rf "$site"
    mkdir -p "$site"
    cp -r "$ROOT/bench/hugo-site/." "$site/"
    "${BENCH[@]}" generate --count "$n" --notes "$notes" --hugo "$site/content" >"$OUT/logs/generate-$n.txt"
    GEN_BYTES[$n]=$(result "$OUT/logs/generate-$n.txt" bytes)
    COMMON_WORD[$n]=$(result "$OUT/logs/generate-$n.txt" common_word)
    SAMPLE_NOTE[$n]=$(result "$OUT/logs/generate-$n.txt" sample_note)

    # The median of 3 each, Hugo and the portal taking turns: one run on these shared cores can be off by a
    # fifth either way, and a busy spell should slow both sides of the comparison alike.
    log "cold start with $n notes and an empty database, in turn with a clean hugo --quiet build of the same notes (median of 3 each)"
    db=$OUT/db/bench-$n.db
    three_starts "$notes" "$db" "cold-$n" fresh "$site"
    stop_app
    HUGO_MS[$n]=$(printf '%s\n' "${HUGO_TIMES[@]}" | sort -n | sed -n 2p)
    echo "  hugo: ${HUGO_TIMES[*]} ms; median ${HUGO_MS[$n]} ms" >&2
    read -r "COLD_INDEX_MS[$n]" "COLD_FIRST[$n]" "COLD_INDEXED_AT[$n]" "COLD_PARSED[$n]" "COLD_QUESTIONS[$n]" "COLD_BANK_MS[$n]" \
        "COLD_SEARCH_ROWS[$n]" "COLD_SEARCH_MS[$n]" <<<"$MEDIAN_START"

    log "restart with nothing changed ($n notes, median of 3)"
    three_starts "$notes" "$db" "restart-$n" reuse
    read -r "RESTART_INDEX_MS[$n]" "RESTART_FIRST[$n]" "RESTART_INDEXED_AT[$n]" "RESTART_PARSED[$n]" _ <<<"$MEDIAN_START"
    # The last restart keeps running for the measurements below.
    START_RSS[$n]=$(peak_rss_mb)

    note_path=/notes/${SAMPLE_NOTE[$n]}
    search_path="/search?q=${COMMON_WORD[$n]}"
    SEARCH_STATUS=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 "$BASE$search_path" || true)

    if [[ $n != "${SIZES[0]}" ]]; then
        # Larger sets: page cost one request at a time (a wrk run on multi-megabyte pages says little more).
        log "pages with $n notes, one request at a time"
        sequential "$OUT/logs/seq-note-$n.txt" "$note_path" --requests 50
        sequential "$OUT/logs/seq-tag-$n.txt" /tags/exam-tip --requests 10 --warmup 2
        SEQ_NOTE[$n]=$(result "$OUT/logs/seq-note-$n.txt" p95_ms); SEQ_BYTES[note-$n]=$(result "$OUT/logs/seq-note-$n.txt" bytes)
        SEQ_TAG[$n]=$(result "$OUT/logs/seq-tag-$n.txt" p95_ms); SEQ_BYTES[tag-$n]=$(result "$OUT/logs/seq-tag-$n.txt" bytes)
        if [[ $SEARCH_STATUS == 200 ]]; then
            sequential "$OUT/logs/seq-search-$n.txt" "$search_path" --requests "$SEQUENTIAL"
            SEQ_SEARCH[$n]=$(result "$OUT/logs/seq-search-$n.txt" p95_ms)
        fi
        START_RSS[$n]=$(peak_rss_mb)
        stop_app
        continue
    fi

    # ------------------------------------------------------------ load, on the first (1,000-note) set
    log "indexing steps in one process without the database (bench tool 'phases'), for comparison"
    "${BENCH[@]}" phases --notes "$notes" --rounds 2 >"$OUT/logs/phases-$n.txt"
    log "learner with $HISTORY_ANSWERS past answers over $HISTORY_QUESTIONS questions: /progress and answers, one at a time"
    "${BENCH[@]}" heavy --base "$BASE" --db "$db" --answers "$HISTORY_ANSWERS" --questions "$HISTORY_QUESTIONS" \
        --requests "$SEQUENTIAL" --cookie-file "$WORK/cookie" >"$OUT/logs/heavy.txt" || die "the heavy learner run failed (see $OUT/logs/heavy.txt)"
    COOKIE=$(cat "$WORK/cookie")
    H=$OUT/logs/heavy.txt

    if [[ $SEARCH_STATUS == 200 ]]; then
        log "search for '${COMMON_WORD[$n]}', one request at a time"
        sequential "$OUT/logs/seq-search-$n.txt" "$search_path" --requests "$SEQUENTIAL"
        SEQ_SEARCH[$n]=$(result "$OUT/logs/seq-search-$n.txt" p95_ms)
        sequential "$OUT/logs/seq-api-search-$n.txt" "/api/search?q=${COMMON_WORD[$n]}" --requests "$SEQUENTIAL"
    else
        log "search: $search_path answered $SEARCH_STATUS: not available in this build"
    fi

    start_nginx
    compare note "$note_path"
    compare tag /tags/exam-tip
    [[ $SEARCH_STATUS == 200 ]] && compare search "$search_path"
    compare progress /progress "$COOKIE"

    log "$LEARNERS learners answering at once for $ANSWER_SECONDS s"
    "${BENCH[@]}" answers --base "$BASE" --learners "$LEARNERS" --seconds "$ANSWER_SECONDS" >"$OUT/logs/answers.txt" ||
        echo "  some answers were not recorded (see $OUT/logs/answers.txt)" >&2
    A=$OUT/logs/answers.txt

    PEAK_RSS=$(peak_rss_mb)
    NOW_RSS=$(rss_mb)
    stop_app
done

# ---------------------------------------------------------------- the table
pass() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo FAIL; fi; }
fmt() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"${1%.*}"; }
n1=${SIZES[0]}
rows=()
row() { rows+=("| $1 | $2 | $3 | $4 |"); }

row "Indexing $(fmt "$n1") notes at start (the portal's log line)" "$(fmt "${COLD_INDEX_MS[$n1]}") ms ($(fmt "${COLD_PARSED[$n1]}") parsed, notes and tags written to SQLite; then, in the background, $(fmt "${COLD_SEARCH_ROWS[$n1]}") search rows in $(fmt "${COLD_SEARCH_MS[$n1]}") ms and $(fmt "${COLD_QUESTIONS[$n1]}") generated questions in $(fmt "${COLD_BANK_MS[$n1]}") ms); Hugo: $(fmt "${HUGO_MS[$n1]}") ms" \
    "no slower than Hugo" "$(pass "${COLD_INDEX_MS[$n1]} <= ${HUGO_MS[$n1]}")"
row "Start to first page, $(fmt "$n1") notes, empty database (exec → first 200 on /)" "$(fmt "${COLD_FIRST[$n1]}") ms (\"Indexed\" logged at $(fmt "${COLD_INDEXED_AT[$n1]}") ms); Hugo: $(fmt "${HUGO_MS[$n1]}") ms" "—" "—"
P=$OUT/logs/phases-$n1.txt
row "Indexing steps for $(fmt "$n1") notes in one warm process, no database (\`SageStudy.Bench phases\`)" \
    "scan $(result "$P" scan_ms) ms · parse $(result "$P" parse_ms) ms · reuse unchanged $(result "$P" reuse_ms) ms · question bank $(result "$P" question_bank_ms) ms" "—" "—"
row "Restart with nothing changed, $(fmt "$n1") notes (log line)" "$(fmt "${RESTART_INDEX_MS[$n1]}") ms (${RESTART_PARSED[$n1]} parsed)" "< 100 ms" "$(pass "${RESTART_INDEX_MS[$n1]} < 100")"
row "Restart with nothing changed, $(fmt "$n1") notes (exec → first 200)" "$(fmt "${RESTART_FIRST[$n1]}") ms (\"Indexed\" logged at $(fmt "${RESTART_INDEXED_AT[$n1]}") ms)" "—" "—"
for n in "${SIZES[@]:1}"; do
    row "Indexing $(fmt "$n") notes at start (log line)" "$(fmt "${COLD_INDEX_MS[$n]}") ms ($(fmt "${COLD_PARSED[$n]}") parsed; then $(fmt "${COLD_SEARCH_ROWS[$n]}") search rows in $(fmt "${COLD_SEARCH_MS[$n]}") ms and $(fmt "${COLD_QUESTIONS[$n]}") questions in $(fmt "${COLD_BANK_MS[$n]}") ms); Hugo: $(fmt "${HUGO_MS[$n]}") ms" "—" "—"
    row "Start to first page, $(fmt "$n") notes, empty database" "$(fmt "${COLD_FIRST[$n]}") ms (\"Indexed\" logged at $(fmt "${COLD_INDEXED_AT[$n]}") ms)" "—" "—"
    row "Restart with nothing changed, $(fmt "$n") notes" "log: $(fmt "${RESTART_INDEX_MS[$n]}") ms (${RESTART_PARSED[$n]} parsed); exec → first 200: $(fmt "${RESTART_FIRST[$n]}") ms" "< 100 ms (log)" "$(pass "${RESTART_INDEX_MS[$n]} < 100")"
done
page_row() { # name label goal-ratio
    local name=$1 label=$2 goal=$3
    local verdict="—" errors=""
    [[ -n $goal ]] && verdict=$(pass "${RATIO[$name]} >= $goal")
    [[ ${WRK_ERRORS[$name]} != 0/0 ]] && errors=" · portal errors (non-2xx/socket, incl. wrk's 2 s timeouts): ${WRK_ERRORS[$name]}"
    row "$label, requests/s (p99)" "portal $(fmt "${APP_RPS[$name]}")/s (p99 ${APP_P99[$name]} ms) · nginx $(fmt "${NGX_RPS[$name]}")/s (p99 ${NGX_P99[$name]} ms) · ratio **${RATIO[$name]}** · $(fmt "${PAGE_BYTES[$name]}") bytes$errors" \
        "$([[ -n $goal ]] && echo "≥ $goal of nginx" || echo "—")" "$verdict"
}
page_row note "Note page \`/notes/${SAMPLE_NOTE[$n1]}\`" 0.6
page_row tag "Tag page \`/tags/exam-tip\`" 0.6
if [[ -n ${APP_RPS[search]:-} ]]; then
    page_row search "Search page \`/search?q=${COMMON_WORD[$n1]}\`" ""
    row "Search \`/search?q=${COMMON_WORD[$n1]}\`, one request at a time" "p50 $(result "$OUT/logs/seq-search-$n1.txt" p50_ms) ms · p95 $(result "$OUT/logs/seq-search-$n1.txt" p95_ms) ms · p99 $(result "$OUT/logs/seq-search-$n1.txt" p99_ms) ms" \
        "p95 < 10 ms" "$(pass "$(result "$OUT/logs/seq-search-$n1.txt" p95_ms) < 10")"
    row "Search API \`/api/search?q=${COMMON_WORD[$n1]}\`, one at a time" "p50 $(result "$OUT/logs/seq-api-search-$n1.txt" p50_ms) ms · p95 $(result "$OUT/logs/seq-api-search-$n1.txt" p95_ms) ms" "p95 < 10 ms" \
        "$(pass "$(result "$OUT/logs/seq-api-search-$n1.txt" p95_ms) < 10")"
else
    row "Search \`/search?q=${COMMON_WORD[$n1]}\`" "not yet available (answered $SEARCH_STATUS)" "p95 < 10 ms" "n/a"
fi
page_row progress "\`/progress\`, signed in, $(fmt $HISTORY_ANSWERS) past answers" ""
row "Answers recorded with $LEARNERS learners at once ($ANSWER_SECONDS s)" \
    "$(result "$A" answers_per_s)/s · p50 $(result "$A" p50_ms) ms · p95 $(result "$A" p95_ms) ms · p99 $(result "$A" p99_ms) ms · $(result "$A" recorded) recorded, $(result "$A" failed) failed" "—" "—"
row "Recording an answer, learner with $(fmt $HISTORY_ANSWERS) answers over $HISTORY_QUESTIONS questions (one at a time)" \
    "p50 $(result "$H" answer_p50_ms) ms · p95 **$(result "$H" answer_p95_ms) ms** · p99 $(result "$H" answer_p99_ms) ms" "p95 < 20 ms" "$(pass "$(result "$H" answer_p95_ms) < 20")"
row "Loading \`/progress\`, same learner (one at a time)" \
    "p50 $(result "$H" progress_p50_ms) ms · p95 **$(result "$H" progress_p95_ms) ms** · p99 $(result "$H" progress_p99_ms) ms" "p95 < 20 ms" "$(pass "$(result "$H" progress_p95_ms) < 20")"
row "\`/api/progress\`, same learner (one at a time)" "p50 $(result "$H" api_progress_p50_ms) ms · p95 $(result "$H" api_progress_p95_ms) ms" "—" "—"
row "Peak memory (VmHWM) with $(fmt "$n1") notes, after all the load above" "$PEAK_RSS MB (RSS now $NOW_RSS MB; peak after the restart, before any load: ${START_RSS[$n1]} MB; the portal on an empty notes folder: $EMPTY_RSS MB)" "< 200 MB" "$(pass "$PEAK_RSS < 200")"
for n in "${SIZES[@]:1}"; do
    row "Pages with $(fmt "$n") notes, one request at a time" "note p95 ${SEQ_NOTE[$n]} ms ($(fmt "${SEQ_BYTES[note-$n]}") bytes) · \`/tags/exam-tip\` p95 ${SEQ_TAG[$n]} ms ($(fmt "${SEQ_BYTES[tag-$n]}") bytes)${SEQ_SEARCH[$n]:+ · search p95 ${SEQ_SEARCH[$n]} ms}" "—" "—"
    row "Peak memory (VmHWM) with $(fmt "$n") notes, start and those pages" "${START_RSS[$n]} MB" "—" "—"
done

TABLE=$(printf '%s\n' "| Measure | Figure | Goal | Result |" "| --- | --- | --- | --- |" "${rows[@]}")
FAILS=$(grep -c '| FAIL |' <<<"$TABLE" || true)
PASSES=$(grep -c '| PASS |' <<<"$TABLE" || true)

# ---------------------------------------------------------------- the machine and the document
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
# shellcheck disable=SC1091
OS=$(. /etc/os-release && echo "$PRETTY_NAME")
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
MEM=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
WRK_VERSION=$(wrk -v 2>&1 | head -1 | awk '{print $2}' || true)
NGINX_VERSION=$("$NGINX" -v 2>&1 | sed 's|.*nginx/||')
HUGO_VERSION=$(hugo version | awk '{print $2}')
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || true)
DIRTY=$([[ -n $(git -C "$ROOT" status --porcelain -- src 2>/dev/null) ]] && echo " (src/ with uncommitted changes)" || echo "")

mkdir -p "$(dirname "$DOC")"
cat >"$DOC" <<EOF
# Performance

Measured by \`bench/run.sh\`$( ((QUICK)) && echo " --quick") on $(date -u '+%Y-%m-%d %H:%M UTC'), $([[ -n $COMMIT ]] && echo "commit \`$COMMIT\`$DIRTY" || echo "a copy of the work tree (not a git checkout)").
Rerun \`bench/run.sh\` (about 10 minutes on 2 cores; \`--quick\` for 1,000 notes only) to refresh this page.
**$PASSES goals pass, $FAILS fail.**

## Machine

| | |
| --- | --- |
| CPU | $CPU, $(nproc) cores |
| Memory | $MEM |
| OS | $OS, kernel $(uname -r) |
| .NET SDK | $(dotnet --version) |
| Tools | wrk $WRK_VERSION, nginx $NGINX_VERSION, Hugo $HUGO_VERSION |
| Run | $MODE |
| Load average (1, 5, 15 min) | $LOAD_BEFORE before the run, $LOAD_AFTER after it$(awk -v l="${LOAD_BEFORE%% *}" -v c="$(nproc)" 'BEGIN { if (l > 0.5 * c) print " — **the machine was busy with other work: figures are pessimistic**" }') |

## Results

$TABLE

## How it is measured

- **Notes**: \`bench/SageStudy.Bench generate\` writes notes of the seed note's shape (title, \`**Tags:**\` line,
  ##/### sections, \`#exam-tip\`/\`#gotcha\` on headings, bold lead lines and list items, a \`- **Term** - description\`
  list, relative links across 10 folders) from a fixed word list and a seeded random generator, so every run
  indexes the same bytes ($(fmt "${GEN_BYTES[$n1]}") bytes for $(fmt "$n1") notes). The same notes, with a \`title\` front matter,
  are built by Hugo with the trivial layout in \`bench/hugo-site/\`.
- **Indexing**: the portal (\`dotnet publish -c Release -r $RID --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true\`,
  which the project file trims, as in the README's hosting section; \`ASPNETCORE_ENVIRONMENT=Production\`)
  is started on an empty SQLite database; the figure is the portal's own log line "Indexed N notes ... in X ms", which
  times the whole index build up to the moment the notes are served: loading the stored index, reading and hashing
  the files, parsing, and writing notes (outline and HTML) and tag rows to SQLite, each note handed to a writer thread
  as soon as it is parsed, in one transaction committed after the last (the split is in
  that line, kept in \`bench/out/logs/\`). Two things follow on threads of their own and are reported beside it: the
  notes' rows in the full-text search index ("Search index: N sections and blocks ... written in X ms") and the question
  bank generated from the notes, recorded in SQLite ("Question bank: N questions in X ms"). A search or quiz
  request arriving before its part is ready waits for it. Start to first page (exec → first 200 on \`/\`) also covers runtime start, migrations and the
  first request. Hugo's figure is the wall
  time of \`hugo --quiet\` (median of 3 clean builds); the portal's cold start is likewise the median of 3, each on
  an empty database, each just after one of Hugo's builds, so that both meet the same load on the machine; the
  restart is the median of 3 too, reusing the database with no file changed.
- **Throughput**: \`wrk -t2 -c32 -d$WRK_DURATION --latency\` against the portal, then against nginx ($(echo "$NGINX_VERSION"),
  \`worker_processes auto\`, \`sendfile on\`, no compression) serving the very HTML the portal returned, saved as a
  static file. The portal's run follows an unmeasured $WARM_UP wrk run, so its JIT has tiered up the request path
  (nginx has nothing to warm up). Portal and nginx runs alternate $WRK_ROUNDS times and each side's median run is
  reported, since the speed of shared cores drifts by ±20 % from minute to minute. The ratio is portal requests/s ÷ nginx requests/s. wrk, the portal and nginx share the same cores.
  Anonymous pages are as any visitor gets them (the portal's rendered-page cache included); \`/progress\` is sent with the
  signed-in learner's cookie to both.
- **One request at a time**: 200 sequential requests after 20 warm-up ones, timed by the client over loopback, which
  is the server's time plus well under a millisecond; p95/p99 are nearest-rank.
- **Learner history**: one learner registered through the Identity form, then $(fmt $HISTORY_ANSWERS) Answers rows over
  $HISTORY_QUESTIONS questions (spread over 90 days) and their ReviewStates rows written straight into SQLite.
  Answers are posted as the quiz page's Check button does (\`POST /quiz/{id}/{position}?handler=Check\` with the
  antiforgery token), into 100-question practice quizzes over all notes started through the \`/quiz\` form.
- **$LEARNERS learners**: each registers through the form and starts a 100-question practice quiz; then all post
  answers back to back for $ANSWER_SECONDS s (a learner at the end of a quiz starts another). An answer counts when the
  portal answers 302; latency is per answer POST.
- **Memory**: VmHWM (peak resident set) of the portal process from /proc, after all the load on the
  $(fmt "$n1")-note set. The portal runs with \`MALLOC_ARENA_MAX=2\`, as the README's hosting section starts it:
  glibc would otherwise give up to 16 malloc arenas on 2 cores to the threads that call SQLite and OpenSSL.

Raw outputs of the last run are in \`bench/out/logs/\` (not committed).
EOF

log "results (also in docs/performance.md)"
printf '%s\n\n%d goals pass, %d fail.\n' "$TABLE" "$PASSES" "$FAILS"
