#!/usr/bin/env bash
# Build and try the newswire image with Podman on a machine that reaches
# Debian's mirror and PyPI but no container registry (this project's own
# machines): the python:3.11-slim base is made here from Debian packages
# (debootstrap; Python 3.11 in a venv on PATH, as the official image has
# it on PATH), then deploy/Dockerfile is built unchanged on top of it.
#
#   sudo bash deploy/podman-offline.sh            # build base and image
#   sudo bash deploy/podman-offline.sh process F  # then run `newswire process F`
#   sudo bash deploy/podman-offline.sh kafka      # apache/kafka stand-in (deploy/kafka-image)
#   sudo bash deploy/podman-offline.sh compose ARGS...  # podman-compose ARGS with the settings below
#
# Needs root, and apt-get for podman, runc and debootstrap (kafka: also
# Maven and Java, as the local broker does). Podman runs
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

base() {
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
}

build() {
    base
    # a clean checkout as the build context: the Dockerfile copies packages, not .venv
    rm -rf "$WORK/context" && git -C "$ROOT" worktree add --detach -f "$WORK/context" HEAD >/dev/null
    trap 'git -C "$ROOT" worktree remove --force "$WORK/context"' EXIT
    podman_ build --network host "${LIMITS[@]}" -f deploy/Dockerfile -t "$IMAGE" "$WORK/context"
}

# The image docker-compose.yml names for its broker, made from Debian's Java
# and the Kafka jars from Maven Central (deploy/kafka-image/Containerfile).
kafka() {
    base
    local version context=$WORK/kafka-image
    version=$(sed -n 's|.*<kafka.version>\(.*\)</kafka.version>.*|\1|p' "$ROOT/deploy/kafka/pom.xml")
    rm -rf "$context" && cp -r "$ROOT/deploy/kafka-image" "$context"
    mvn -q -B -f "$ROOT/deploy/kafka-image/pom.xml" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$context/libs"
    podman_ build --network host "${LIMITS[@]}" -f Containerfile -t "docker.io/apache/kafka:$version" "$context"
}

# podman-compose (pip's; installed into $WORK/compose-venv if not on PATH)
# with podman's settings for this machine in a containers.conf of its own:
# podman-compose has no flags for them.
compose() {
    local pc
    mkdir -p "$WORK"
    pc=$(command -v podman-compose || echo "$WORK/compose-venv/bin/podman-compose")
    if [ ! -x "$pc" ]; then
        python3 -m venv "$WORK/compose-venv" && "$WORK/compose-venv/bin/pip" install -q podman-compose==1.6.0
    fi
    cat >"$WORK/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$(ulimit -n):$(ulimit -n)", "nproc=4096:4096"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
EOF
    # builds (poller, worker) reach PyPI through the host's network, as build() does
    cd "$ROOT" && CONTAINERS_CONF="$WORK/containers.conf" "$pc" --podman-build-args="--network host" "$@"
}

case "${1:-build}" in
    build) build ;;
    kafka) kafka ;;
    compose) shift; compose "$@" ;;
    process)
        file=$(realpath "$2")
        podman_ run --rm --network none "${LIMITS[@]}" -v "$(dirname "$file"):/in:ro" \
            "$IMAGE" process "/in/$(basename "$file")" ;;
    *) echo "usage: $0 [build | process FILE | kafka | compose ARGS...]" >&2; exit 2 ;;
esac
