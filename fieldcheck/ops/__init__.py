"""Where the store and the engine meet: an inspection's score, demo data, answer files."""
