#!/bin/sh
# Install FieldCheck for this user: no root, no network. Run it from the unpacked folder:
#   ./install.sh
# The program goes to ~/.local/opt/fieldcheck, a launcher to ~/.local/bin/fieldcheck and a
# menu entry to ~/.local/share/applications. Inspection data stays in
# ~/.local/share/FieldCheck and is never touched by installing or uninstalling.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix="${FIELDCHECK_PREFIX:-$HOME/.local}"
target="$prefix/opt/fieldcheck"
rm -rf "$target.new"
mkdir -p "$prefix/opt" "$prefix/bin" "$prefix/share/applications" "$prefix/share/icons/hicolor/256x256/apps"
cp -R "$here/app" "$target.new"
rm -rf "$target"
mv "$target.new" "$target"
ln -sf "$target/fieldcheck" "$prefix/bin/fieldcheck"
cp "$here/fieldcheck.png" "$prefix/share/icons/hicolor/256x256/apps/fieldcheck.png"
sed "s|@EXEC@|$target/fieldcheck|" "$here/fieldcheck.desktop" > "$prefix/share/applications/fieldcheck.desktop"
echo "FieldCheck installed: $prefix/bin/fieldcheck (menu: FieldCheck 脱贫攻坚考核)"
