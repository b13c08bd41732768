"""The double-inspections screen (交叉检查): pairs, two inspections side by side, the reconciled result."""
