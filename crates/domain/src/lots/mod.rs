//! Lots and their genealogy: what went into what, and where it went.
