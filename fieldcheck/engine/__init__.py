"""The rubric engine: rubric files in, scores with every deduction explained out.

No I/O beyond reading rubric files, and no sqlite3, Qt or Pillow: everything here is
testable with plain data.
"""
