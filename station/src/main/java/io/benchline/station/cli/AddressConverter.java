package io.benchline.station.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A 32-bit address option: 0x08000000, 134217728, or 0x0800_0000. */
final class AddressConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String v = value.trim().replace("_", "").toLowerCase(Locale.ROOT);
        try {
            long a = v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            if (a < 0 || a > 0xFFFF_FFFFL) {
                throw new TypeConversionException("'" + value + "' is outside the 32-bit address space");
            }
            return a;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not an address (use hex like 0x08000000)");
        }
    }
}
