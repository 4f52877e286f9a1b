"""Interface texts of the command line and of content errors, per language."""
