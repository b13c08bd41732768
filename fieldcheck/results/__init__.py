"""Results the rules ask for: which inspection counts, rankings with quotas, bands, lost points, rounds.

Scores always come from ``fieldcheck.ops.scores``; this package ranks, bands and lays them
out (workbook, PDF, the window's results view), it never computes a score.
"""
