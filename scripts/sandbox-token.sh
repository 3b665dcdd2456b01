#!/usr/bin/env bash
# Puts a sandbox person's keys and certificates on a fresh SoftHSM2 token (tests and demos of the tokens work).
#
# usage: SOFTHSM2_CONF=/tmp/x/softhsm2.conf scripts/sandbox-token.sh PKI_DIR PERSON_ID [LABEL] [PIN] [SO_PIN]
#   PKI_DIR    the sandbox PKI folder (has pki.json; e.g. <dataDir>/pki)
#   PERSON_ID  anne-schmit | luc-hoffmann | sofia-ferreira | marc-kremer | julie-martin
#   LABEL      token label (default: the person id, cut to 32 chars)
#   PIN        user PIN (default 123456), SO_PIN (default 12345678)
# If SOFTHSM2_CONF names a file that does not exist, it is made with its token folder beside it.
# On the token: the authentication key+certificate with CKA_ID 01 and label "<Given Surname> Authentication",
# the qualified signature key+certificate with CKA_ID 02 and label "<Given Surname> Signature", and the issuing CA and
# root certificates (CKA_ID 10, 11). Prints the slot of the new token.
set -euo pipefail

PKI_DIR=${1:?usage: sandbox-token.sh PKI_DIR PERSON_ID [LABEL] [PIN] [SO_PIN]}
PERSON=${2:?usage: sandbox-token.sh PKI_DIR PERSON_ID [LABEL] [PIN] [SO_PIN]}
LABEL=${3:-${PERSON:0:32}}
PIN=${4:-123456}
SO_PIN=${5:-12345678}
: "${SOFTHSM2_CONF:?set SOFTHSM2_CONF to the softhsm2.conf to use (made if missing)}"

for tool in softhsm2-util pkcs11-tool openssl; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y softhsm2 opensc openssl)" >&2; exit 3; }
done
MODULE=${SOFTHSM2_MODULE:-}
if [ -z "$MODULE" ]; then
  for m in /usr/lib/softhsm/libsofthsm2.so /usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so /usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so \
    /usr/local/lib/softhsm/libsofthsm2.so /opt/homebrew/lib/softhsm/libsofthsm2.so; do
    [ -f "$m" ] && MODULE=$m && break
  done
fi
[ -n "$MODULE" ] || { echo "libsofthsm2.so not found; set SOFTHSM2_MODULE" >&2; exit 3; }

PERSON_DIR="$PKI_DIR/persons/$PERSON"
[ -f "$PERSON_DIR/auth.pem" ] || { echo "no person $PERSON in $PKI_DIR (see $PKI_DIR/pki.json)" >&2; exit 2; }

if [ ! -f "$SOFTHSM2_CONF" ]; then
  TOKENS="$(cd "$(dirname "$SOFTHSM2_CONF")" && pwd)/tokens"
  mkdir -p "$TOKENS"
  printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n' "$TOKENS" >"$SOFTHSM2_CONF"
fi
export SOFTHSM2_CONF

NAME=$(openssl x509 -in "$PERSON_DIR/auth.pem" -noout -subject -nameopt multiline | sed -n 's/^ *commonName *= *//p')
softhsm2-util --init-token --free --label "$LABEL" --pin "$PIN" --so-pin "$SO_PIN" >/dev/null

put() { # put ID LABEL KEY_PEM CERT_DER
  if [ -n "$3" ]; then
    softhsm2-util --import "$3" --token "$LABEL" --label "$2" --id "$1" --pin "$PIN" >/dev/null
  fi
  pkcs11-tool --module "$MODULE" --token-label "$LABEL" --login --pin "$PIN" \
    --write-object "$4" --type cert --id "$1" --label "$2" >/dev/null
}
put 01 "$NAME Authentication" "$PERSON_DIR/auth.key.pem" "$PERSON_DIR/auth.der"
put 02 "$NAME Signature" "$PERSON_DIR/sign.key.pem" "$PERSON_DIR/sign.der"
put 10 "LuxTrust Qualified CA (SANDBOX)" "" "$PKI_DIR/issuing-ca.der"
put 11 "LuxTrust Global Root CA (SANDBOX)" "" "$PKI_DIR/root-ca.der"

softhsm2-util --show-slots | awk -v l="$LABEL" '/^Slot /{slot=$2} /Label:/{sub(/^ *Label: */,""); gsub(/ +$/,""); if ($0==l) print "slot " slot " label " l}'
