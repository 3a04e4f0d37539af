package org.communitylifecycle.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings.
 *
 * @param adminUser id of the administrator account ensured at startup outside the demo profile
 * @param adminPassword its password, from ADMIN_PASSWORD; checked by {@link PasswordGuard}
 * @param startableProcesses process keys activators may start from Tasklist (application.yaml names the lifecycle and
 *     contributor activity; the stages run inside the lifecycle); what other roles may start, their modules declare
 */
@ConfigurationProperties("community-lifecycle.identity")
record IdentityProperties(
    @DefaultValue("admin") String adminUser,
    String adminPassword,
    @DefaultValue List<String> startableProcesses) {}
