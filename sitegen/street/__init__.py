"""A street (街道) of communities built as one site: docs/spec.md §6.

A street folder holds `street.yaml` and one content folder per community; the street is built as
every community under `OUT/<slug>/` plus the street's own pages at `OUT/`.
"""
