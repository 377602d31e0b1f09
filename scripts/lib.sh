# Shared by the build and test scripts: install what they need, once.

step() { printf '\n== %s\n' "$*"; }

# The wasm-bindgen version Cargo.lock pins.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_npm() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_wasm_toolchain() {
  ensure_wasm_target
  local want
  want=$(wasm_bindgen_version)
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $want"; then
    step "cargo install wasm-bindgen-cli $want (a few minutes, once)"
    # Not --locked: a crate pinned in its lockfile is missing from the registry.
    cargo install wasm-bindgen-cli --version "$want"
  fi
  ensure_npm
}

ensure_chromium() {
  # A CJK font too, or the screenshots show the Chinese as empty boxes.
  if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk"; then
    step "apt-get install chromium and a Chinese font"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
  fi
}
