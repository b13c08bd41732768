"""Photo evidence: the strip under a finding and the background import."""
