/** The liaisons' dashboard API: portfolio, community detail, stalled work, programs and handoff reports. */
package org.communitylifecycle.dashboard;
