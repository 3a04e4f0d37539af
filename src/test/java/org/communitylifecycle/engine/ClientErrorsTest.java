package org.communitylifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.DateTimeUtil;
import org.communitylifecycle.engine.ClientErrors.ClientError;
import org.junit.jupiter.api.Test;

/** The malformed input that ClientErrors recognises as the caller's, with what to fix. */
class ClientErrorsTest {

  record Body(Map<String, Object> variables, Boolean withVariablesInReturn) {}

  @Test
  void aNegativePageIs400OnH2AndPostgres() {
    for (SQLException sql : new SQLException[] {
        new SQLException("Invalid value \"-5\" for parameter \"result OFFSET\"", "90008"),
        new SQLException("ERROR: OFFSET must not be negative", "2201X"),
        new SQLException("ERROR: LIMIT must not be negative", "2201W")}) {
      ClientError error = ClientErrors.classify(new ProcessEngineException("persistence", sql)).orElseThrow();
      assertThat(error.status()).isEqualTo(400);
      assertThat(error.message()).contains("firstResult and maxResults");
    }
    assertThat(ClientErrors.classify(new ProcessEngineException("x", new SQLException("Invalid value for COLUMN", "90008"))))
        .isEmpty();
  }

  @Test
  void criteriaThatExcludeEachOtherAre400() {
    ClientError error = ClientErrors.classify(
        new ProcessEngineException("Invalid query usage: cannot set both candidateUser and candidateGroup")).orElseThrow();

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.message()).contains("candidateUser and candidateGroup");
  }

  @Test
  void aSerializedJavaObjectIs400NamingTheVariable() {
    ClientError error = ClientErrors.classify(new ProcessEngineException("Cannot instantiate process definition x",
        new ProcessEngineException("ENGINE-17007 Cannot set variable with name communityName. Java serialization format is prohibited")))
        .orElseThrow();

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.message()).contains("'communityName'", "application/json");
  }

  @Test
  void aDateTheEngineCannotParseIs400() {
    IllegalArgumentException parse = null;
    try {
      DateTimeUtil.parseDate("tomorrow");
    } catch (IllegalArgumentException e) {
      parse = e;
    }

    ClientError error = ClientErrors.classify(parse).orElseThrow();

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.message()).contains("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    assertThat(ClientErrors.classify(new IllegalArgumentException("elsewhere"))).isEmpty();
  }

  @Test
  void jsonThatDoesNotParseOrFitIs400NamingTheField() {
    ObjectMapper json = new ObjectMapper();

    ClientError broken = classifyReading(json, "{\"variables\": {");
    ClientError text = classifyReading(json, "{\"variables\": \"x\"}");
    ClientError flag = classifyReading(json, "{\"withVariablesInReturn\": \"perhaps\"}");
    ClientError array = classifyReading(json, "[1]");

    assertThat(broken.message()).startsWith("The body is not valid JSON (line 1");
    assertThat(text.message()).startsWith("The field 'variables' must be a JSON object");
    assertThat(flag.message()).startsWith("The field 'withVariablesInReturn' must be true or false");
    assertThat(array.message()).startsWith("The body must be a JSON object");
    assertThat(broken.status()).isEqualTo(400);
  }

  private static ClientError classifyReading(ObjectMapper json, String body) {
    try {
      json.readValue(body, Body.class);
      throw new AssertionError("read " + body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return ClientErrors.classify(e).orElseThrow();
    }
  }
}
