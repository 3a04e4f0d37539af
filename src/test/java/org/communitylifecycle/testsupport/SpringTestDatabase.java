package org.communitylifecycle.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Points the whole application at the test database. Integration tests implement this rather
 * than declaring their own {@code @DynamicPropertySource}: Spring caches a context only for tests
 * whose property sources are the very same method, and each context starts an engine.
 */
public interface SpringTestDatabase {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.Connection db = TestDatabase.get();
    registry.add("spring.datasource.url", db::url);
    registry.add("spring.datasource.username", db::user);
    registry.add("spring.datasource.password", db::password);
  }
}
