"""Validate stage: raw records → typed fields, and every rule of SPEC §2–§3 as a problem."""
