package org.gstmini.plugins.good.multifile;

import java.util.Locale;

/**
 * A parsed {@code location}: literal text around at most one C integer conversion
 * ({@code multifile_utils_printf_string_from_template} checks the same, in location-utils.c).
 */
final class MultiFileLocation {
    private final String prefix;
    private final String suffix;
    private final boolean hasConversion;
    private final String flags;
    private final int width;
    private final int precision;
    private final char conversion;

    private MultiFileLocation(String prefix, String suffix, boolean hasConversion, String flags, int width,
                             int precision, char conversion) {
        this.prefix = prefix;
        this.suffix = suffix;
        this.hasConversion = hasConversion;
        this.flags = flags;
        this.width = width;
        this.precision = precision;
        this.conversion = conversion;
    }

    static MultiFileLocation parse(String t) {
        if (t == null || t.isEmpty()) {
            throw new IllegalArgumentException("no template: set location to a file name such as frame%05d.png");
        }
        StringBuilder literal = new StringBuilder();
        String prefix = null;
        String flags = "";
        int width = 0;
        int precision = -1;
        char conversion = 0;
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            if (i + 1 < n && t.charAt(i + 1) == '%') {
                literal.append('%');
                i++;
                continue;
            }
            if (prefix != null) {
                throw new IllegalArgumentException("more than one format identifier (the second at position " + i
                        + "); the index is the only value to insert, write a literal % as %%");
            }
            int j = i + 1;
            StringBuilder f = new StringBuilder();
            while (j < n && "#-+ 0".indexOf(t.charAt(j)) >= 0) {
                f.append(t.charAt(j++));
            }
            int w = 0;
            while (j < n && Character.isDigit(t.charAt(j))) {
                w = Math.min(10_000, w * 10 + (t.charAt(j++) - '0'));
            }
            int p = -1;
            if (j < n && t.charAt(j) == '.') {
                j++;
                p = 0;
                while (j < n && Character.isDigit(t.charAt(j))) {
                    p = Math.min(10_000, p * 10 + (t.charAt(j++) - '0'));
                }
            }
            String spec = t.substring(i, Math.min(n, j + 1));
            if (j >= n) {
                throw new IllegalArgumentException("incomplete format identifier \"" + spec + "\" at the end");
            }
            char conv = t.charAt(j);
            if ("diuxXo".indexOf(conv) < 0) {
                throw new IllegalArgumentException("bad or unexpected format identifier \"" + spec
                        + "\": use one integer conversion such as %d, %05d or %x (no size modifiers, no *)");
            }
            prefix = literal.toString();
            literal.setLength(0);
            flags = f.toString();
            width = w;
            precision = p;
            conversion = conv;
            i = j;
        }
        if (prefix == null) {
            return new MultiFileLocation(literal.toString(), "", false, "", 0, -1, 'd');
        }
        return new MultiFileLocation(prefix, literal.toString(), true, flags, width, precision, conversion);
    }

    /** The file name for {@code value}, formatted as C's printf would. */
    String format(int value) {
        if (!hasConversion) {
            return prefix;
        }
        String sign = "";
        String digits = switch (conversion) {
            case 'd', 'i' -> {
                if (value < 0) {
                    sign = "-";
                } else if (flags.indexOf('+') >= 0) {
                    sign = "+";
                } else if (flags.indexOf(' ') >= 0) {
                    sign = " ";
                }
                yield Long.toString(Math.abs((long) value));
            }
            case 'u' -> Integer.toUnsignedString(value);
            case 'x' -> Integer.toHexString(value);
            case 'X' -> Integer.toHexString(value).toUpperCase(Locale.ROOT);
            default -> Integer.toOctalString(value);
        };
        if (precision >= 0) {
            digits = precision == 0 && value == 0 ? "" : "0".repeat(Math.max(0, precision - digits.length())) + digits;
        }
        String radixPrefix = "";
        if (flags.indexOf('#') >= 0) {
            if ((conversion == 'x' || conversion == 'X') && value != 0) {
                radixPrefix = conversion == 'x' ? "0x" : "0X";
            } else if (conversion == 'o' && !digits.startsWith("0")) {
                digits = "0" + digits;
            }
        }
        int len = sign.length() + radixPrefix.length() + digits.length();
        String body;
        if (len >= width) {
            body = sign + radixPrefix + digits;
        } else if (flags.indexOf('-') >= 0) {
            body = sign + radixPrefix + digits + " ".repeat(width - len);
        } else if (flags.indexOf('0') >= 0 && precision < 0) {
            body = sign + radixPrefix + "0".repeat(width - len) + digits;
        } else {
            body = " ".repeat(width - len) + sign + radixPrefix + digits;
        }
        return prefix + body + suffix;
    }
}
