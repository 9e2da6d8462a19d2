#!/usr/bin/env bash
# Lints the committed OpenAPI document (docs/openapi.yaml, kept equal to the live /q/openapi by OpenApiClientIT)
# with Spectral (spectral:oas, .spectral.yaml) and Redocly (recommended, redocly.yaml). Versions are pinned in
# .ci/openapi-lint/package-lock.json. Fails on any error or warning that the rulesets do not switch off by name.
set -euo pipefail
cd "$(dirname "$0")/.."
LINT=.ci/openapi-lint
if [ ! -x "$LINT/node_modules/.bin/spectral" ] || [ ! -x "$LINT/node_modules/.bin/redocly" ]; then
  npm ci --prefix "$LINT" --no-audit --no-fund --loglevel=error
fi
"$LINT/node_modules/.bin/spectral" lint --ruleset .spectral.yaml --fail-severity=warn docs/openapi.yaml
REDOCLY_TELEMETRY=off "$LINT/node_modules/.bin/redocly" lint --config redocly.yaml --max-problems=1000 docs/openapi.yaml
