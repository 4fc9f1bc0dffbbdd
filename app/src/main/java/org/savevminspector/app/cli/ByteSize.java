package org.savevminspector.app.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A size as given on the command line: a number of bytes with an optional binary suffix, {@code K}, {@code M},
 * {@code G} or {@code T} (optionally followed by {@code iB} or {@code B}: {@code 512M}, {@code 4GiB}), as
 * {@code head -c} and {@code sort -S} read them. {@code text} is kept for messages.
 */
record ByteSize(long bytes, String text) {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(?:([KMGT])(?:i?B)?|B)?");

    static ByteSize parse(String text) {
        Matcher m = FORM.matcher(text.trim().toUpperCase(Locale.ROOT).replace("IB", "iB"));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size such as 512M or 64G, not '" + text + "'");
        }
        int shift = m.group(2) == null ? 0 : 10 * ("KMGT".indexOf(m.group(2)) + 1);
        try {
            long n = Long.parseLong(m.group(1));
            if (n == 0 || n > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return new ByteSize(n << shift, text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a size of at least 1 byte and below 8 EiB, not '" + text
                    + "'");
        }
    }

    /** picocli's converter: a malformed size is a usage error (exit 2). */
    static final class Converter implements ITypeConverter<ByteSize> {
        @Override
        public ByteSize convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
