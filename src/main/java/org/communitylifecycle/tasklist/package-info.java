/**
 * Tasklist as each role's day starts: the shared filters each role finds, sorted by what is due,
 * with the community and milestone in every list item, and the expression function that scopes a
 * liaison's filters to the communities they support.
 */
package org.communitylifecycle.tasklist;
