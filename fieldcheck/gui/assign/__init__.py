"""The leader's assignments screen: who visits which assessees on which day, and each inspector's bundle."""
