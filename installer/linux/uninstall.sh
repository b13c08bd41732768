#!/bin/sh
# Remove FieldCheck for this user. The inspection data (~/.local/share/FieldCheck) is kept
# unless --purge is given: it holds every inspection, photo and backup.
set -eu
prefix="${FIELDCHECK_PREFIX:-$HOME/.local}"
rm -rf "$prefix/opt/fieldcheck"
rm -f "$prefix/bin/fieldcheck" "$prefix/share/applications/fieldcheck.desktop" \
      "$prefix/share/icons/hicolor/256x256/apps/fieldcheck.png"
if [ "${1:-}" = "--purge" ]; then
  rm -rf "${XDG_DATA_HOME:-$HOME/.local/share}/FieldCheck"
  echo "FieldCheck removed, with its data."
else
  echo "FieldCheck removed. Your inspection data is kept in ${XDG_DATA_HOME:-$HOME/.local/share}/FieldCheck."
fi
