"""Sync bundles: export, verify and import (docs/sync.md)."""
