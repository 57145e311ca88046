package com.wuaigou.ops.common.input;

import com.wuaigou.ops.common.problem.InvalidParameterException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads every number, boolean, date, month and enum in a query, path or header parameter of every service the same way,
 * and refuses a value it cannot read with a 400 naming the parameter. JAX-RS itself would answer a query or path value
 * it cannot convert with 404, as if the address did not exist, and read {@code maybe} as {@code false}. Text
 * parameters are checked by {@link ParameterText}.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,19}");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);
    private static final Map<Class<?>, Function<String, ?>> READERS = Map.ofEntries(
            Map.entry(Boolean.class, StrictParameters::bool), Map.entry(boolean.class, StrictParameters::bool),
            Map.entry(Integer.class, v -> (int) whole(v, Integer.MIN_VALUE, Integer.MAX_VALUE)),
            Map.entry(int.class, v -> (int) whole(v, Integer.MIN_VALUE, Integer.MAX_VALUE)),
            Map.entry(Long.class, v -> whole(v, Long.MIN_VALUE, Long.MAX_VALUE)),
            Map.entry(long.class, v -> whole(v, Long.MIN_VALUE, Long.MAX_VALUE)),
            Map.entry(BigDecimal.class, BigDecimal::new),
            Map.entry(LocalDate.class, v -> LocalDate.parse(v, DateTimeFormatter.ISO_LOCAL_DATE)),
            Map.entry(YearMonth.class, v -> YearMonth.parse(v, MONTH)));

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Function<String, ?> reader = rawType.isEnum() ? v -> Enum.valueOf((Class) rawType, v) : READERS.get(rawType);
        return reader == null ? null : new Converter<>(name(annotations), rawType, (Function<String, T>) reader);
    }

    private static String name(Annotation[] annotations) {
        String name = WireNames.of(annotations);
        return name == null ? "parameter" : name;
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static long whole(String value, long min, long max) {
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            throw new IllegalArgumentException(value);
        }
        return number;
    }

    private record Converter<T>(String name, Class<T> type, Function<String, T> reader) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return reader.apply(value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new InvalidParameterException(name, "must be " + Expected.of(type));
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
        }
    }
}
