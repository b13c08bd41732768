"""Signing an inspection, its score sheet on screen and on paper, and its history."""
