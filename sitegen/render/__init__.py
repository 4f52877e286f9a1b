"""Render stage: the model → every output file as bytes, keyed by path; pure, no writing."""
