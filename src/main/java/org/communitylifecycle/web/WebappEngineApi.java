package org.communitylifecycle.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist, Cockpit and Admin do not call {@code /engine-rest}: they call the webapps' own copy of
 * the engine's REST API, {@code /camunda/api/engine}, a Jersey application of its own that
 * {@link EngineRestErrors} (a customizer of the {@code /engine-rest} application) does not reach.
 * There a refused form came back as Camunda wrapped it, "Cannot submit task form &lt;task id&gt;:
 * ...", and Tasklist showed that. This registers the webapps' servlet "Engine Api" first, with
 * Camunda's application plus {@link EngineRestErrors}' mappers, so a person in Tasklist gets the
 * same answers as a caller of {@code /engine-rest}. Camunda's initializer, which runs after this
 * one, keeps a servlet of that name that is already registered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WebappEngineApi implements ServletContextInitializer {

  /** The name under which Camunda's CamundaBpmWebappInitializer registers the servlet. */
  static final String SERVLET_NAME = "Engine Api";

  private final CamundaBpmProperties properties;

  public WebappEngineApi(CamundaBpmProperties properties) {
    this.properties = properties;
  }

  @Override
  public void onStartup(ServletContext servletContext) {
    if (servletContext.getServletRegistration(SERVLET_NAME) != null) {
      throw new IllegalStateException("The webapps' servlet '" + SERVLET_NAME + "' was registered before "
          + getClass().getSimpleName() + "; its error answers would keep Camunda's prefixes");
    }
    ServletRegistration.Dynamic servlet = servletContext.addServlet(SERVLET_NAME, ServletContainer.class);
    servlet.addMapping(properties.getWebapp().getApplicationPath() + "/api/engine/*");
    servlet.setInitParameters(Map.of(ServletProperties.JAXRS_APPLICATION_CLASS, Application.class.getName()));
  }

  /** Camunda's engine API of the webapps, answering errors as {@code /engine-rest} does. */
  public static class Application extends EngineRestApplication {

    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = new HashSet<>(super.getClasses());
      classes.addAll(EngineRestErrors.MAPPERS);
      return classes;
    }
  }
}
