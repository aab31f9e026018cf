#!/usr/bin/env bash
# Lighthouse on the home page of each language, offline, with Debian's chromium.
# Usage: tools/lighthouse/run.sh   (from the repository root; writes tools/lighthouse/results.md)
# Slow (about a minute), so not part of every CI run; the README quotes its last result.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
export NO_MKDOCS_2_WARNING=1
[ -x .venv/bin/mkdocs ] || make .venv/bin/.installed
(cd tools/lighthouse && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
SITE_URL=http://127.0.0.1:8765/explainer/ .venv/bin/mkdocs build -q -d "$work/explainer"
.venv/bin/python tools/lighthouse/serve_gzip.py "$work" 8765 &
server=$!
sleep 1
export CHROME_PATH=${CHROME_PATH:-$(command -v chromium)}
out="$root/tools/lighthouse/results.md"
{
  echo "# Lighthouse $(tools/lighthouse/node_modules/.bin/lighthouse --version), $(date -u +%Y-%m-%d), $(nproc) cores"
  echo
  echo "| page | performance | accessibility | best practices | SEO |"
  echo "|---|---|---|---|---|"
} > "$out"
for page in "" "de/"; do
  url="http://127.0.0.1:8765/explainer/$page"
  tools/lighthouse/node_modules/.bin/lighthouse "$url" --quiet --output=json \
    --output-path="$work/report.json" --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$work/profile"
  .venv/bin/python - "$work/report.json" "/explainer/$page" >> "$out" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
scores = [round(report["categories"][c]["score"] * 100) for c in ("performance", "accessibility", "best-practices", "seo")]
print(f"| `{sys.argv[2]}` | " + " | ".join(map(str, scores)) + " |")
PY
done
cat "$out"
