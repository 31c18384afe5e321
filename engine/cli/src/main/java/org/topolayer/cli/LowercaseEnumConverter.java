package org.topolayer.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts an option value to an enum constant, ignoring case, and on failure lists the choices
 * as they are typed (picocli's own message shows the upper-case constant names).
 */
final class LowercaseEnumConverter<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    LowercaseEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        String choices = Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new TypeConversionException("expected one of " + choices + ", got '" + value + "'");
    }
}
