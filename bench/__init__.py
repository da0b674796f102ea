"""The benchmarks' scripts (run as `python bench/<script>.py`); tests import their helpers as `bench.<module>`."""
