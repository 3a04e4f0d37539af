/** Users, groups and authorizations; the REST API's authentication; the admin account. */
package org.communitylifecycle.identity;
