package io.dceff.platform.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Energy figures travel as exact decimals: written plainly (no exponent), read without a detour through double.
 * JSON types are kept as the document declares them: a number or boolean sent as a string is refused (400 naming
 * the field), never quietly converted. CSV cells, which are all text, are read with {@link #lenient(ObjectMapper)}.
 */
@Singleton
public class JacksonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        strictScalars(mapper, CoercionAction.Fail);
        // a 400-digit number is refused while parsing, before it reaches validation
        mapper.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNumberLength(60).build());
    }

    /** A copy of the application's mapper that reads numbers and booleans from text, for CSV cells. */
    public static ObjectMapper lenient(ObjectMapper json) {
        ObjectMapper copy = json.copy();
        strictScalars(copy, CoercionAction.TryConvert);
        return copy;
    }

    private static void strictScalars(ObjectMapper mapper, CoercionAction fromText) {
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, fromText)
                    .setCoercion(
                            CoercionInputShape.EmptyString,
                            fromText == CoercionAction.Fail ? CoercionAction.Fail : CoercionAction.AsNull);
        }
    }
}
