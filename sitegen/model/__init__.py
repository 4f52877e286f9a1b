"""Model stage: validated fields → frozen records, with privacy applied once and places as a tree."""
