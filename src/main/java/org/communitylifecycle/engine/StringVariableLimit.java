package org.communitylifecycle.engine;

// Replacing the engine's string serializer has no public API.
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.stereotype.Component;

/**
 * A text variable is stored in a column of {@value #MAX_LENGTH} characters; a longer one would
 * fail at the database ("value too long for type character varying(4000)"), a server error
 * naming no variable. The engine's string serializer is swapped for one that refuses it first,
 * as an {@link InvalidInputException} that names the variable (REST: 400). Longer text belongs in
 * a file or a link; a caller that must store it can send it as a JSON or Object variable.
 */
@Component
class StringVariableLimit extends AbstractProcessEnginePlugin {

  public static final int MAX_LENGTH = 4000;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    VariableSerializers serializers = configuration.getVariableSerializers();
    for (TypedValueSerializer<?> serializer : serializers.getSerializers()) {
      if (serializer.getClass() == StringValueSerializer.class) {
        int index = serializers.getSerializerIndex(serializer);
        serializers.removeSerializer(serializer);
        serializers.addSerializer(new LimitedStringSerializer(), index);
        return;
      }
    }
    throw new IllegalStateException("The engine has no string serializer to limit");
  }

  /** The engine's string serializer, with the limit. */
  static final class LimitedStringSerializer extends StringValueSerializer {

    @Override
    public void writeValue(StringValue value, ValueFields valueFields) {
      String text = value.getValue();
      if (text != null && text.length() > MAX_LENGTH) {
        throw new InvalidInputException("The variable '" + valueFields.getName() + "' is " + text.length()
            + " characters long; at most " + MAX_LENGTH + " fit. Shorten it, or link to the full text");
      }
      super.writeValue(value, valueFields);
    }
  }
}
