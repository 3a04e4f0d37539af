package org.communitylifecycle.alumni;

/** A resident of a cohort as the hub host listed them. */
record Resident(String name, String email) {}
