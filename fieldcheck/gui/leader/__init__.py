"""The team leader's desk (组长): merging the team's bundles, the import history, settling conflicts."""
