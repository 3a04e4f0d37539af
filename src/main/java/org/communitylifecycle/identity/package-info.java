/** Users, groups and authorizations; the REST API's authentication; the admin account. */
@ApplicationModule(displayName = "Identity and access", allowedDependencies = {})
package org.communitylifecycle.identity;

import org.springframework.modulith.ApplicationModule;
