#!/usr/bin/env bash
# Regenerates css-easings.json: the eased progress of CSS easings as Chromium computes them.
# Needs Debian's chromium (apt-get install -y chromium) and python3; the tests themselves need neither.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$profile" --dump-dom "file://$here/css-easings.html" 2>/dev/null \
  | python3 -c '
import html, json, re, sys
table = html.unescape(re.search(r"<pre id=\"table\">(.*?)</pre>", sys.stdin.read(), re.S).group(1))
# Headless Chromium reports a generic version in its user agent; record the real one.
table = re.sub(r"\"generator\": .*,", lambda _: "\"generator\": " + json.dumps(sys.argv[1]) + ",", table, count=1)
json.loads(table)  # refuse to write anything that is not JSON
sys.stdout.write(table)
' "$(/usr/bin/chromium --version 2>/dev/null)" > "$here/css-easings.json.tmp"
mv "$here/css-easings.json.tmp" "$here/css-easings.json"
echo "wrote $here/css-easings.json"
