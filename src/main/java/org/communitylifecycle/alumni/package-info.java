/** The Life Itself hub alumni network: consent-first feedback, the alumni directory and page, reunions, withdrawal. */
package org.communitylifecycle.alumni;
