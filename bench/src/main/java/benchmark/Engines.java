package benchmark;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
// The plugins, history level and job executor of the engine are only on its configuration class.
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.ApplicationContext;

/** What both sides share: describing an engine, creating users, authenticating as one. */
public final class Engines {

  private Engines() {}

  public static Map<String, String> describe(ProcessEngine engine, ApplicationContext context) {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Map<String, String> about = new TreeMap<>();
    List<String> plugins = new java.util.ArrayList<>();
    config.getProcessEnginePlugins().forEach(p -> addPlugin(p, plugins));
    about.put("plugins", String.join(" ", plugins.stream().sorted().toList()));
    about.put("history", config.getHistory());
    about.put("authorization", String.valueOf(config.isAuthorizationEnabled()));
    about.put("job.executor.active", String.valueOf(config.getJobExecutor() != null && config.getJobExecutor().isActive()));
    about.put("beans", String.valueOf(context.getBeanDefinitionCount()));
    about.put("product.beans", String.valueOf(productBeans(context).size()));
    return about;
  }

  private static void addPlugin(ProcessEnginePlugin plugin, List<String> names) {
    if (plugin instanceof CompositeProcessEnginePlugin composite) {
      composite.getPlugins().forEach(p -> addPlugin(p, names));
    } else {
      names.add(plugin.getClass().getName());
    }
  }

  /** The beans whose class is the product's (package org.communitylifecycle). */
  public static List<String> productBeans(ApplicationContext context) {
    List<String> names = new java.util.ArrayList<>();
    for (String name : context.getBeanDefinitionNames()) {
      Class<?> type = context.getType(name);
      if (type != null && type.getName().startsWith("org.communitylifecycle.")) {
        names.add(name);
      }
    }
    return names;
  }

  public static void user(IdentityService identity, String id, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("Bench");
      user.setLastName(id);
      user.setEmail(id + "@bench.invalid");
      user.setPassword("Bench-Password-" + Long.toHexString(System.nanoTime()) + "-x9!");
      identity.saveUser(user);
    }
    for (String group : groups) {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        var g = identity.newGroup(group);
        g.setName(group);
        g.setType("WORKFLOW");
        identity.saveGroup(g);
      }
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
  }
}
