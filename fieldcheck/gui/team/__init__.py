"""The team leader's desk: the devices this database knows and the team certificate (docs/sync.md, trust)."""
