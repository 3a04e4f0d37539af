package org.communitylifecycle.alumni;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The public alumni pages live under /alumni, outside the Camunda webapps (/camunda, with their
 * login) and the REST API (/engine-rest, HTTP Basic): no login reaches them. Their guard runs
 * before anything else there. The unsubscribe page of the mails (/mail/unsubscribe) is public in
 * the same way, and shares the guard: the same headers, the same limit per address.
 */
@Configuration(proxyBeanMethods = false)
class AlumniWebConfiguration {

  @Bean
  PublicPagesGuard publicPagesGuard(AlumniProperties properties) {
    AlumniProperties.RateLimit limit = properties.rateLimit();
    return new PublicPagesGuard(new TokenBuckets(limit.requests(), limit.period(), System::nanoTime));
  }

  @Bean
  FilterRegistrationBean<PublicPagesGuard> publicPagesGuardRegistration(PublicPagesGuard guard) {
    FilterRegistrationBean<PublicPagesGuard> registration = new FilterRegistrationBean<>(guard);
    registration.setName("alumni-public-pages-guard");
    registration.addUrlPatterns("/alumni", "/alumni/*", "/mail/unsubscribe");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
