"""The sync screen: exporting bundles to a USB stick and importing them (docs/sync.md)."""
