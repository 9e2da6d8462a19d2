#!/bin/sh
# Vendors the browser bundle of oidc-client-ts (OpenID Connect authorization code + PKCE for the sign-in of
# operator.html and carrier.html) into src/main/resources/META-INF/resources/vendor/, from the npm registry,
# checking the package's published integrity. Run from the repository root when upgrading; the result is
# committed, so builds need no npm.
set -eu
VERSION=3.5.0
INTEGRITY=sha512-l2q8l9CTCTOlbX+AnK4p3M+4CEpKpyQhle6blQkdFhm0IsBqsxm15bYaSa11G7pWdsYr6epdsRZxJpCyCRbT8A==
TARGET=src/main/resources/META-INF/resources/vendor/oidc-client-ts/$VERSION
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack "oidc-client-ts@$VERSION" >/dev/null)
ACTUAL="sha512-$(openssl dgst -sha512 -binary "$WORK/oidc-client-ts-$VERSION.tgz" | base64 -w0)"
[ "$ACTUAL" = "$INTEGRITY" ] || { echo "integrity mismatch: $ACTUAL" >&2; exit 1; }
tar -xzf "$WORK/oidc-client-ts-$VERSION.tgz" -C "$WORK"
mkdir -p "$TARGET"
cp "$WORK/package/dist/browser/oidc-client-ts.min.js" "$WORK/package/LICENSE" "$TARGET/"
echo "oidc-client-ts $VERSION in $TARGET"
