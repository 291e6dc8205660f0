"""newsgraph's spaCy components, one file each, registered as ``newsgraph.*`` factories."""
