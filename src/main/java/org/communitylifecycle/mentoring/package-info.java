/** Group mentoring cohorts: formation, weekly standups, graduation review against the contributor ladder, cohort reports. */
package org.communitylifecycle.mentoring;
