#!/usr/bin/env bash
# Build and try the newswire image with Podman on a machine that reaches
# Debian's mirror and PyPI but no container registry (this project's own
# machines): the python:3.11-slim base is made here from Debian packages
# (debootstrap; Python 3.11 in a venv on PATH, as the official image has
# it on PATH), then deploy/Dockerfile is built unchanged on top of it.
#
#   sudo bash deploy/podman-offline.sh            # build base and image
#   sudo bash deploy/podman-offline.sh process F  # then run `newswire process F`
#
# Needs root, and apt-get for podman, runc and debootstrap. Podman runs
# containers here only with runc, cgroupfs and explicit ulimits (crun
# refuses this kernel's hybrid cgroups, and podman's default ulimits are
# above what the sandbox allows). The machine's CA bundle goes into the
# base image because PyPI is reached through a TLS-inspecting proxy.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${PODMAN_OFFLINE_WORK:-/tmp/newswire-podman}
BASE=docker.io/library/python:3.11-slim
IMAGE=localhost/newswire:dev
podman_() {
    podman --runtime runc --cgroup-manager=cgroupfs "$@"
}
LIMITS=(--ulimit "nofile=$(ulimit -n):$(ulimit -n)" --ulimit nproc=4096:4096)

build() {
    command -v podman >/dev/null && command -v runc >/dev/null && command -v debootstrap >/dev/null ||
        apt-get install -y -q podman runc debootstrap >/dev/null
    mkdir -p "$WORK"
    if ! podman_ image exists "$BASE"; then
        rm -rf "$WORK/root"
        debootstrap --variant=minbase --include=python3,python3-venv,python3-pip,ca-certificates \
            bookworm "$WORK/root" http://deb.debian.org/debian >"$WORK/debootstrap.log"
        chroot "$WORK/root" python3 -m venv /opt/python
        cp /etc/ssl/certs/ca-certificates.crt "$WORK/root/etc/ssl/certs/ca-certificates.crt"
        tar -C "$WORK/root" -cf "$WORK/root.tar" .
        podman_ import \
            --change 'ENV PATH=/opt/python/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
            --change 'ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt' \
            --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt' \
            --change 'CMD ["python3"]' "$WORK/root.tar" "$BASE"
    fi
    # a clean checkout as the build context: the Dockerfile copies packages, not .venv
    rm -rf "$WORK/context" && git -C "$ROOT" worktree add --detach -f "$WORK/context" HEAD >/dev/null
    trap 'git -C "$ROOT" worktree remove --force "$WORK/context"' EXIT
    podman_ build --network host "${LIMITS[@]}" -f deploy/Dockerfile -t "$IMAGE" "$WORK/context"
}

case "${1:-build}" in
    build) build ;;
    process)
        file=$(realpath "$2")
        podman_ run --rm --network none "${LIMITS[@]}" -v "$(dirname "$file"):/in:ro" \
            "$IMAGE" process "/in/$(basename "$file")" ;;
    *) echo "usage: $0 [build | process FILE]" >&2; exit 2 ;;
esac
