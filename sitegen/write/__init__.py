"""Write stage: stage the new site beside the output, check it, then swap it in whole."""
