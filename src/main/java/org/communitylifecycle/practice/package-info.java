/** Community-of-Practice maturity: recurring self-assessments against the WAO steps, reviewed by a liaison. */
package org.communitylifecycle.practice;
