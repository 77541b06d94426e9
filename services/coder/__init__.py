"""The event coder: actors, CAMEO/PLOVER events and places from English news text, driven by data files."""
