#!/usr/bin/env bash
# Smoke run of the packaged service against an external MariaDB (production mode): it must refuse the
# development key without the test switch, start with it, migrate an empty database and serve the API.
set -euo pipefail
cd "$(dirname "$0")/.."

DB_HOST=${SMOKE_DB_HOST:-127.0.0.1}
DB_PORT=${SMOKE_DB_PORT:-3306}
DB_NAME="dceff_smoke_$$"
PORT=${SMOKE_PORT:-18089}
LOG=target/smoke-external.log
URL="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB_NAME?createDatabaseIfNotExist=true"
BASE="http://127.0.0.1:$PORT"

fail() { echo "SMOKE FAILED: $*" >&2; tail -n 60 "$LOG" >&2 || true; exit 1; }
drop_db() { mariadb -h "$DB_HOST" -P "$DB_PORT" -u root -e "DROP DATABASE IF EXISTS $DB_NAME" 2>/dev/null || true; }
trap 'kill $PID 2>/dev/null || true; drop_db' EXIT
PID=

run_service() {
  exec env QUARKUS_DATASOURCE_JDBC_URL="$URL" QUARKUS_DATASOURCE_USERNAME=root QUARKUS_DATASOURCE_PASSWORD= \
      QUARKUS_HTTP_PORT="$PORT" "$@" java -jar target/quarkus-app/quarkus-run.jar >>"$LOG" 2>&1
}

# A unified social credit code with its GB 32100-2015 check character.
credit_code() {
  local alphabet=0123456789ABCDEFGHJKLMNPQRTUWXY weights=(1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28)
  local s=$1 sum=0 i ch idx
  for i in $(seq 0 16); do
    ch=${s:$i:1}; idx=${alphabet%%"$ch"*}; sum=$(( sum + ${#idx} * weights[i] ))
  done
  echo "$s${alphabet:$(( (31 - sum % 31) % 31 )):1}"
}

: >"$LOG"
# 1. Production refuses the development key.
if timeout 120 bash -c "$(declare -f run_service); URL='$URL' PORT=$PORT LOG='$LOG' run_service"; then
  fail "the service started in production with the development key"
fi
grep -q "Refusing to start" "$LOG" || fail "no clear refusal message for the development key"
echo "smoke: production refuses the development key: ok"

# 2. An unreadable rating directory stops the start, naming it.
: >"$LOG"
if timeout 120 bash -c "$(declare -f run_service); URL='$URL' PORT=$PORT LOG='$LOG' run_service \
    DCEFF_SECURITY_ALLOW_DEV_KEY=true DCEFF_RATINGS_DIR=/nonexistent/ratings"; then
  fail "the service started without its rating directory"
fi
grep -q "/nonexistent/ratings" "$LOG" || fail "no clear message naming the missing rating directory"
echo "smoke: a missing rating directory stops the start: ok"

# 3. With the documented test switch it starts on the external database.
run_service DCEFF_SECURITY_ALLOW_DEV_KEY=true &
PID=$!
for _ in $(seq 1 120); do
  curl -fs "$BASE/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/q/health/ready" | grep -q '"UP"' || fail "not ready"
grep -q "Embedded MariaDB" "$LOG" && fail "an embedded MariaDB was started although a database was configured"

ADMIN=$(fixtures/dev-token.sh admin)
OP="SMOKE-OP-$$"
CODE="SMOKE-DC-$$"
CREDIT=$(credit_code "9131011500$(printf '%07d' $(( $$ % 10000000 )))")
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
[ "$(status -X POST "$BASE/api/v1/organizations" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$OP\",\"name\":\"Smoke operator\",\"kind\":\"OPERATOR\",\"creditCode\":\"$CREDIT\"}")" = 201 ] \
  || fail "organization not created"
OPERATOR=$(fixtures/dev-token.sh operator "$OP")
[ "$(status -X POST "$BASE/api/v1/data-centers" -H "Authorization: Bearer $OPERATOR" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$CODE\",\"name\":\"Smoke DC\",\"operatorCode\":\"$OP\",\"district\":\"310115\",\"racks\":300,\"commissionedOn\":\"2014-01-01\"}")" = 201 ] \
  || fail "data center not created"
[ "$(status "$BASE/api/v1/data-centers/$CODE" -H "Authorization: Bearer $OPERATOR")" = 200 ] || fail "data center not read back"
[ "$(status "$BASE/api/v1/data-centers/$CODE")" = 401 ] || fail "no token was not refused"
[ "$(status "$BASE/api/v1/organizations?kind=OPERATOR" -H "Authorization: Bearer $ADMIN")" = 200 ] || fail "organizations not listed"
SAMPLE=$(curl -s "$BASE/api/v1/data-centers?size=1" -H "Authorization: Bearer $(fixtures/dev-token.sh regulator)")
echo "$SAMPLE" | grep -q '"total":1' || fail "production loaded sample data or lost the smoke data: $SAMPLE"
echo "smoke: API on the external MariaDB at $DB_HOST:$DB_PORT: ok"
