"""Output paths are checked before anything is written: none may leave the output folder."""


class UnsafePath(Exception):
    """A planned output path that would leave the output folder (a bug, never content's doing)."""
