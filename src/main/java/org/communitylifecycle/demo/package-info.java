/** Sample data for the demo profile, so Tasklist and Cockpit have something to show. */
package org.communitylifecycle.demo;
