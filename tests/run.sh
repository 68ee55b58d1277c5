#!/usr/bin/env bash
# Runs every test of StreamEngine. Installs what the tests use when it is missing (as root, with apt-get):
# ffmpeg, nginx with the RTMP module, redis-server, ngircd, fonts, chromium, espeak-ng, sox, prometheus; then builds the engine like a user does and runs dotnet test.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"

packages=()
command -v ffmpeg >/dev/null || packages+=(ffmpeg)
command -v nginx >/dev/null || packages+=(nginx)
[ -f /usr/share/nginx/modules/ngx_rtmp_module.so ] || packages+=(libnginx-mod-rtmp)
# The x output preset is tested over RTMPS and the IRC source over ircs://: nginx's stream module terminates TLS
# in front of nginx-rtmp and ngircd.
[ -f /usr/share/nginx/modules/ngx_stream_module.so ] || packages+=(libnginx-mod-stream)
command -v redis-server >/dev/null || packages+=(redis-server)
# Twitch and IRC chat sources are tested against a real IRC server on loopback.
[ -x /usr/sbin/ngircd ] || packages+=(ngircd)
[ -d /usr/share/fonts/truetype/dejavu ] || packages+=(fonts-dejavu-core)
# Text golden tests: Arabic, Devanagari and other scripts, and color emoji, found by per-character font fallback.
[ -f /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf ] || packages+=(fonts-noto-core)
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || packages+=(fonts-noto-color-emoji)
# The obs-websocket client test (tests/obs-client) runs obs-websocket-js from the npm registry under Node.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
# The dashboard's browser tests drive Debian's Chromium headless (Playwright downloads no browser).
[ -x /usr/bin/chromium ] || packages+=(chromium)
# Audio: the text-to-speech voice plugin speaks with espeak-ng; the effect sounds are made and checked with sox.
command -v espeak-ng >/dev/null || packages+=(espeak-ng)
command -v sox >/dev/null || packages+=(sox)
# deploy/prometheus: promtool checks and unit-tests the alert rules; a real Prometheus scrapes a live engine.
[ -x /usr/bin/prometheus ] || packages+=(prometheus)
if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "tests/run.sh: missing ${packages[*]}; install them with: sudo apt-get install -y ${packages[*]}" >&2
    exit 1
  fi
  echo "tests/run.sh: installing ${packages[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  # Debian starts the services it installs; the tests start their own on free ports.
  (service nginx stop; service redis-server stop; service ngircd stop; service prometheus stop) >/dev/null 2>&1 || true
fi

# The OpenAPI test lints /openapi/v1.json with Redocly's CLI, pinned in tests/openapi/package-lock.json (Node 20+).
if [ ! -x tests/openapi/node_modules/.bin/redocly ]; then
  command -v npm >/dev/null || { echo "tests/run.sh: npm is missing; install Node.js 20 or later with npm" >&2; exit 1; }
  (cd tests/openapi && npm ci --no-audit --no-fund --loglevel=error)
fi
# The obs-websocket client test: obs-websocket-js at the versions of tests/obs-client/package-lock.json.
[ -d tests/obs-client/node_modules ] || (cd tests/obs-client && npm ci --no-audit --no-fund --loglevel=error)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
./stream-engine build
# One test project at a time: the live tests encode video and the machine may have two cores.
log="$(mktemp)"
set +e
dotnet test StreamEngine.sln -m:1 --blame-hang-timeout 10m "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line for the whole run, summed over the test projects.
grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "tests: %d passed, %d failed, %d skipped\n", p, f, s}'
rm -f "$log"
exit "$status"
