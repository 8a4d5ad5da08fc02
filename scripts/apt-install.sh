# Sourced by the test scripts: installs Debian packages a test pass needs, as root or through sudo.
#   apt_install "what needs them" package...
apt_install() {
  local why="$1"; shift
  local sudo=""
  if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "Missing packages and this user cannot install them: run 'apt-get install -y $*' as root ($why)." >&2
      return 1
    fi
  fi
  echo "Installing $* from Debian ($why)..." >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
