#!/bin/sh
# Copies the browser modules that the site ships (package.json "dependencies") from node_modules into
# site_overrides/assets/vendor/, so the built site loads them from its own host and builds need no npm.
# Run after `npm install -E <package>@<version>`; tests/test_vendor.py checks the copies match node_modules.
set -eu
# The packages' source maps are not shipped (the site ships none), so neither are the comments that point to them.
strip() { sed '/^\/\/# sourceMappingURL=/d'; }
cd "$(dirname "$0")/.."
out=site_overrides/assets/vendor
rm -rf "$out/cfworker-json-schema" "$out/yaml"
mkdir -p "$out/cfworker-json-schema" "$out/yaml"
src=node_modules/@cfworker/json-schema
(cd "$src/dist/esm" && find . -name '*.js' -print) | while read -r f; do
  mkdir -p "$out/cfworker-json-schema/$(dirname "$f")"
  strip < "$src/dist/esm/$f" > "$out/cfworker-json-schema/$f"
done
cp "$src/package.json" "$out/cfworker-json-schema/npm-package.json"  # its name, version and licence (MIT; the package has no licence file). Not package.json: Node would read that as the folder's module type
src=node_modules/yaml
(cd "$src/browser" && find . -name '*.js' -print) | while read -r f; do
  mkdir -p "$out/yaml/$(dirname "$f")"
  strip < "$src/browser/$f" > "$out/yaml/$f"
done
cp "$src/LICENSE" "$out/yaml/" && cp "$src/package.json" "$out/yaml/npm-package.json"
