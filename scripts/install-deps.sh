#!/usr/bin/env bash
# Installs exactly the Debian packages leafpress needs that are missing.
# Idempotent and quiet when everything is present. Run as root on Debian 12.
set -euo pipefail

packages=(
  # build (clang and its libFuzzer runtime for the fuzz targets)
  g++ cmake make pkg-config clang libclang-rt-14-dev
  # the code style check (scripts/check-format, .clang-format)
  clang-format
  # libraries
  libhpdf-dev libharfbuzz-dev libfreetype-dev libtomlplusplus-dev catch2
  libmd4c-dev libmd4c-html0-dev libhyphen-dev libunibreak-dev libfribidi-dev libqrencode-dev
  libcli11-dev zlib1g-dev nlohmann-json3-dev libpng-dev libjpeg-dev libfontconfig-dev libicu-dev
  liblcms2-dev libdeflate-dev libcairo2-dev libqpdf-dev libxxhash-dev
  # the CMYK print profile of --print (Ghostscript's default_cmyk.icc)
  libgs-common
  # fonts for every script (found through fontconfig): Noto for each script, symbols and math,
  # and the CJK collections
  fonts-noto-core fonts-noto-cjk fonts-dejavu-core fonts-symbola
  # hyphenation patterns: every language Debian has them for
  hyphen-af hyphen-as hyphen-be hyphen-bg hyphen-bn hyphen-ca hyphen-cs hyphen-da hyphen-de hyphen-el
  hyphen-en-gb hyphen-en-us hyphen-es hyphen-fr hyphen-gl hyphen-gu hyphen-hi hyphen-hr hyphen-hu
  hyphen-id hyphen-is hyphen-it hyphen-kn hyphen-lt hyphen-lv hyphen-ml hyphen-mn hyphen-mr hyphen-nl
  hyphen-no hyphen-or hyphen-pa hyphen-pl hyphen-pt-br hyphen-pt-pt hyphen-ro hyphen-ru hyphen-sk
  hyphen-sl hyphen-sr hyphen-sv hyphen-ta hyphen-te hyphen-th hyphen-uk hyphen-zu
  # validators used by the end-to-end tests
  qpdf poppler-utils mupdf-tools zbar-tools python3-pikepdf python3-fonttools
  # the proof that nothing outside the output folder is written (tests/e2e/files_test.cpp)
  strace
  # the contact sheet's test loads it in a real browser
  chromium
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0

echo "install-deps: installing ${missing[*]}" >&2
if [[ $(id -u) -ne 0 ]]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
