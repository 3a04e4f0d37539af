/** Contributors of a community, their activity, and their Casual/Active/Core conversion points. */
package org.communitylifecycle.contributor;
