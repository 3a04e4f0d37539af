package org.communitylifecycle.modelcheck;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;

/**
 * The beans open to models, as the engine's expression resolver sees them: looked up in the
 * application context by name when an expression first needs one (they depend on the engine, so
 * they cannot be fetched while it is being built), and no other bean at all.
 */
final class OpenBeanMap extends AbstractMap<Object, Object> {

  private final ApplicationContext context;
  private final Set<String> names;

  OpenBeanMap(ApplicationContext context, Set<String> names) {
    this.context = context;
    this.names = names;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && names.contains(name) && context.containsBean(name);
  }

  @Override
  public Object get(Object key) {
    return containsKey(key) ? context.getBean((String) key) : null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return names.stream()
        .filter(context::containsBean)
        .map(name -> Map.entry((Object) name, context.getBean(name)))
        .collect(Collectors.toUnmodifiableSet());
  }
}
