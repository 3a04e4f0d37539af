package org.communitylifecycle.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings.
 *
 * @param adminUser id of the administrator account ensured at startup outside the demo profile
 * @param adminPassword its password, from ADMIN_PASSWORD; checked by {@link PasswordGuard}
 * @param startableProcesses process keys activators may start from Tasklist; the stages run inside
 *     {@code community-lifecycle}, so it is the only one by default
 */
@ConfigurationProperties("community-lifecycle.identity")
public record IdentityProperties(
    @DefaultValue("admin") String adminUser,
    String adminPassword,
    @DefaultValue({"community-lifecycle", "record-contributor-activity"}) List<String> startableProcesses) {}
