package io.dceff.platform.web;

import io.dceff.platform.problem.Problem;
import io.dceff.platform.problem.Problem.FieldError;
import io.dceff.platform.problem.ProblemMappers;
import io.dceff.platform.problem.ProblemType;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Months, dates, whole numbers, booleans and enumerations in paths and queries, read exactly as the OpenAPI
 * document declares them; a bad one is a 400 naming the parameter (and the allowed values), never JAX-RS's
 * 404 "no resource" nor a silent default.
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (rawType == YearMonth.class) {
            return (ParamConverter<T>) converter(name, "a month (YYYY-MM)", YearMonth::parse);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, "a date (YYYY-MM-DD)", LocalDate::parse);
        }
        // JAX-RS answers 404 for a query parameter that is not a number; a 400 naming it is clearer
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, "a whole number", Integer::valueOf, rawType.isPrimitive());
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, "a whole number", Long::valueOf, rawType.isPrimitive());
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, "true or false", ParamConverters::bool, rawType.isPrimitive());
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) enumConverter(name, rawType.asSubclass(Enum.class));
        }
        return null;
    }

    private static Boolean bool(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static <E extends Enum<E>> ParamConverter<E> enumConverter(String name, Class<E> type) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        return converter(name, "one of " + allowed, value -> Enum.valueOf(type, value));
    }

    private static <T> ParamConverter<T> converter(String name, String expected, Function<String, T> parse) {
        return converter(name, expected, parse, false);
    }

    /** @param primitive an empty value cannot stand for "absent": it is refused like any other bad value */
    private static <T> ParamConverter<T> converter(
            String name, String expected, Function<String, T> parse, boolean primitive) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank() && !primitive) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    String message = "must be " + expected;
                    throw new WebApplicationException(ProblemMappers.response(Problem.of(
                            ProblemType.INVALID_INPUT,
                            name + ": " + message,
                            null,
                            List.of(FieldError.of(name, message)))));
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return "parameter";
    }
}
