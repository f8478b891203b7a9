#!/usr/bin/env bash
# Installs the Debian tools that tests use to build real disk images (e2fsprogs and friends),
# when they are missing. Source it, then call test_tools_install.

TEST_TOOLS_PACKAGES=(e2fsprogs xfsprogs ntfs-3g wimtools sleuthkit fdisk gdisk lvm2 partclone util-linux-extra)

test_tools_install() {
  local missing=() pkg
  for pkg in "${TEST_TOOLS_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "test tools: installing ${missing[*]}" >&2
  local sudo=''
  [ "$(id -u)" -eq 0 ] || sudo='sudo'
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
}
