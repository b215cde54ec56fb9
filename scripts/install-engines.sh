#!/usr/bin/env bash
# Installs what the demo and the tests run real engines from:
#  1. the commands dockerd, containerd, ctr, runc, zstd, busybox, skopeo, podman, docker-registry, openssl: when one
#     is missing, the Debian package that provides it (docker.io, containerd, runc, zstd, busybox-static, skopeo,
#     podman, docker-registry: the CNCF distribution registry the registry backend's tests run; openssl: the
#     certificate of their token service). Commands already
#     present count whatever provides them (Docker's own docker-ce/containerd.io packages too).
#  2. Docker 26.1 and containerd 1.7 from Debian trixie (the release after bookworm), unpacked into
#     $IH_DOCKER26_DIR (default /opt/image-handoff-engines/docker26), for the tests of Docker's containerd image
#     store. Only the binaries are unpacked there: no system package changes, and runc stays the system's
#     (trixie's runc needs a newer libc). Skipped when that folder already holds them.
#  3. trixie's docker-buildx (0.13) into the same folder (usr/libexec/docker/cli-plugins/docker-buildx), for the
#     tests of archives buildx writes (`--output type=docker|oci,dest=`) with Docker 26's own BuildKit. Added
#     beside an existing Docker 26 without touching it.
set -euo pipefail

# command → the Debian package that provides it
declare -A provider=(
  [dockerd]=docker.io [docker]=docker.io [containerd]=containerd [ctr]=containerd [runc]=runc
  [zstd]=zstd [busybox]=busybox-static [skopeo]=skopeo [podman]=podman [docker-registry]=docker-registry
  [openssl]=openssl
)
missing=()
for command in dockerd docker containerd ctr runc zstd busybox skopeo podman docker-registry openssl; do
  # dockerd and runc live in /usr/sbin, which a non-root PATH may lack.
  PATH="$PATH:/usr/sbin:/sbin" command -v "$command" >/dev/null 2>&1 || missing+=("${provider[$command]}")
done
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u | sed '/^$/d')

docker26_dir="${IH_DOCKER26_DIR:-/opt/image-handoff-engines/docker26}"
docker26_ready() {
  [ -x "$docker26_dir/usr/sbin/dockerd" ] && [ -x "$docker26_dir/usr/bin/containerd" ]
}
buildx_ready() {
  [ -x "$docker26_dir/usr/libexec/docker/cli-plugins/docker-buildx" ]
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "engine commands present: dockerd docker containerd ctr runc zstd busybox skopeo podman docker-registry openssl"
fi
if docker26_ready && buildx_ready; then
  echo "Docker 26 and buildx for the containerd image store tests present in $docker26_dir"
fi
if [ ${#missing[@]} -eq 0 ] && docker26_ready && buildx_ready; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  [ ${#missing[@]} -eq 0 ] || echo "missing Debian packages: ${missing[*]}; run as root, or: sudo apt-get install -y ${missing[*]}" >&2
  docker26_ready && buildx_ready ||
    echo "Docker 26 or buildx is not unpacked in $docker26_dir; run this script as root (sudo npm run setup)" >&2
  exit 1
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! docker26_ready || ! buildx_ready; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs"
  # The Debian mirror this machine already uses, with trixie instead of bookworm.
  uri=$(sed -n 's/^URIs: //p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
  [ -n "$uri" ] || uri=$(awk '$1 == "deb" && $3 ~ /^bookworm$/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null)
  [ -n "$uri" ] || uri=http://deb.debian.org/debian
  echo "deb $uri trixie main" >"$work/sources.list"
  apt_private=(-o "Dir::Etc::sourcelist=$work/sources.list" -o Dir::Etc::sourceparts=/dev/null
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o Debug::NoLocking=1
    -o APT::Sandbox::User=root)
  apt-get "${apt_private[@]}" update -qq
  if ! docker26_ready; then
    echo "unpacking Debian trixie's docker.io, containerd and docker-buildx (binaries only, no package changes) into $docker26_dir"
    (cd "$work/debs" && apt-get "${apt_private[@]}" download docker.io containerd docker-buildx >/dev/null)
    mkdir -p "$docker26_dir.partial"
    for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$docker26_dir.partial"; done
    rm -rf "$docker26_dir"
    mv "$docker26_dir.partial" "$docker26_dir"
  else
    # Beside a Docker 26 already there (and maybe in use): files are only added.
    echo "unpacking Debian trixie's docker-buildx into $docker26_dir"
    (cd "$work/debs" && apt-get "${apt_private[@]}" download docker-buildx >/dev/null)
    dpkg-deb -x "$work"/debs/docker-buildx_*.deb "$docker26_dir"
  fi
  "$docker26_dir/usr/sbin/dockerd" --version
  "$docker26_dir/usr/bin/containerd" --version
  "$docker26_dir/usr/libexec/docker/cli-plugins/docker-buildx" version
fi
