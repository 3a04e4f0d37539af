package org.communitylifecycle.testsupport;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A deployment as Camunda Modeler makes it: {@code POST /engine-rest/deployment/create}, multipart, one file. */
public final class RestDeployment {

  private RestDeployment() {}

  /**
   * Deploys the file as the demo user (password "demo"), or anonymously when {@code user} is null.
   *
   * @param name the deployment's name
   */
  public static <T> ResponseEntity<T> create(
      TestRestTemplate rest, String user, String name, String fileName, String content, Class<T> type) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add(fileName, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    return rest.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), type);
  }
}
