#!/usr/bin/env bash
# Installs, on Debian or Ubuntu, the independent programs the tests read gtm's outputs back with
# (run as root, or with sudo). Does nothing when they are all there already.
#   poppler-utils, qpdf       PDFs: pdftoppm pages, pdfinfo, structure checks
#   liblcms2-utils            transicc: the PDF/A output intent's ICC profile
#   libreoffice-writer-nogui  Word files converted headless; pandoc reads them too
#   chromium                  the HTML pages and the site, driven by playwright-core
#   fonts-*                   metric-compatible stand-ins for the fonts Word documents name
set -euo pipefail
PACKAGES=(poppler-utils qpdf liblcms2-utils pandoc libreoffice-writer-nogui chromium fonts-liberation fonts-liberation2 fonts-crosextra-carlito fonts-crosextra-caladea)
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
