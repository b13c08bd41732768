"""Rules of the ranking that hold for any totals, vetoes and quotas (hypothesis)."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from fieldcheck.engine.ranking_spec import RankGroup, RankingSpec, Tier
from fieldcheck.results.ranking import Entry, rank

units = st.lists(st.tuples(st.integers(60, 100), st.booleans(), st.booleans()), min_size=1, max_size=12)
quotas = st.lists(st.integers(1, 4), min_size=1, max_size=3)


@settings(max_examples=200, deadline=None)
@given(units, quotas, st.sampled_from(["report", "upper"]))
def test_ranking_rules_hold_for_any_input(data, counts, ties):
    entries = [Entry(str(i), f"u{i}", "G", Decimal(total), "veto" if vetoed else None, complete)
               for i, (total, vetoed, complete) in enumerate(data)]
    tiers = tuple(Tier(f"T{i}", c) for i, c in enumerate(counts))
    placed, [group] = rank(RankingSpec((RankGroup("G", (), tiers),), ties), entries)
    ranked = [p for p in placed if p.ranked]
    # vetoed and incomplete are never ranked, everyone else is
    assert {p.entry.key for p in ranked} == {e.key for e in entries if not e.veto and e.complete}
    for p in ranked:
        # competition ranking: 1 + how many scored strictly more
        assert p.rank == 1 + sum(1 for q in ranked if q.entry.total > p.entry.total)
    for p in placed:
        if not p.ranked:
            assert p.rank is None and p.tier is None
    # a better total never gets a worse tier
    order = [t.name for t in tiers]
    tiered = [p for p in ranked if p.tier is not None]
    for a in tiered:
        for b in tiered:
            if a.entry.total > b.entry.total:
                assert order.index(a.tier) <= order.index(b.tier)
    if ties == "report":
        # quotas are never exceeded, and every untiered unit inside the quotas is in a reported tie
        for t in tiers:
            assert sum(1 for p in ranked if p.tier == t.name) <= t.count
        tied = {name for tie in group.ties for name in tie.assessees}
        for p in ranked:
            if p.tier is None and p.rank <= sum(counts):
                assert p.entry.name in tied
    else:
        assert all(p.tier is not None for p in ranked if p.rank <= sum(counts))
