"""Extractors: pure functions from a parsed Doc (plus earlier facets) to frozen records."""
