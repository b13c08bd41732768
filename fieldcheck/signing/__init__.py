"""Signing: this installation's device key, and what is signed with it (sheets, bundles)."""
