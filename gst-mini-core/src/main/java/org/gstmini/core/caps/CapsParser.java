package org.gstmini.core.caps;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads caps and structures written in GStreamer's syntax — the counterpart of
 * {@code gst_caps_from_string()} (gst/gstcaps.c), {@code gst_structure_from_string()}
 * (gst/gststructure.c) and the value parsers in gst/gstvalue.c.
 *
 * <pre>
 * caps      = "ANY" | "EMPTY" | "NONE" | structure { ";" structure } [ ";" ]
 * structure = name { "," field } [ "," ]
 * field     = field-name "=" value
 * value     = [ "(" type ")" ] ( range | list | array | word | quoted-string )
 * range     = "[" value "," value [ "," value ] "]"        min, max, step
 * list      = "{" value { "," value } "}"
 * array     = "&lt;" [ value { "," value } ] "&gt;"
 * word      = one or more of  A-Z a-z 0-9 _ - + / : .
 * </pre>
 *
 * <p>Whitespace may appear between any two tokens. Without a type, a word is read as the first
 * of int, double, fraction, boolean that fits, else as a string — the order GStreamer tries
 * ({@code width=320} is an int, {@code rate=44100.0} a double, {@code framerate=30/1} a fraction,
 * {@code interlaced=false} a boolean, {@code format=RGB} a string). Members of a range, list or
 * array inherit the type written in front of it.
 *
 * <p>One deliberate difference: an untyped value in double quotes is always a string here, where
 * GStreamer would unquote it and then guess ({@code "1"} would become an int).
 */
final class CapsParser {

    private final String input;
    private final String what;
    private int pos;

    private CapsParser(String input, String what) {
        this.input = input;
        this.what = what;
    }

    /** Parses caps text — mirrors {@code gst_caps_from_string()}. */
    static Caps parseCaps(String text) {
        CapsParser p = new CapsParser(text, "caps");
        String trimmed = text.strip();
        if (trimmed.equals("ANY")) {
            return Caps.ANY;
        }
        if (trimmed.equals("EMPTY") || trimmed.equals("NONE")) {
            return Caps.EMPTY;
        }
        List<Structure> structures = new ArrayList<>();
        p.skipSpace();
        while (!p.atEnd()) {
            structures.add(p.structure());
            p.skipSpace();
            if (p.atEnd()) {
                break;
            }
            if (p.peek() != ';') {
                throw p.error("expected ';' between structures but found '" + p.peek() + "'");
            }
            p.pos++;
            p.skipSpace();
        }
        return Caps.of(structures.toArray(new Structure[0]));
    }

    /** Parses one structure — mirrors {@code gst_structure_from_string()}. */
    static Structure parseStructure(String text) {
        CapsParser p = new CapsParser(text, "structure");
        p.skipSpace();
        if (p.atEnd()) {
            throw p.error("expected a structure name");
        }
        Structure s = p.structure();
        p.skipSpace();
        if (!p.atEnd() && p.peek() == ';') { // gst_structure_to_string() ends with ';'
            p.pos++;
            p.skipSpace();
        }
        if (!p.atEnd()) {
            throw p.error("unexpected text after the structure: '" + p.peek() + "'");
        }
        return s;
    }

    // ---------------------------------------------------------------- structures

    /** A structure, stopping before ';' or at the end of the input. */
    private Structure structure() {
        int nameStart = pos;
        String name = peek() == '"' ? quotedString() : word();
        if (name.isEmpty()) {
            throw error("expected a structure name but found '" + peek() + "'");
        }
        String problem = Structure.nameProblem(name);
        if (problem != null) {
            throw error(problem, nameStart);
        }
        if (!atEnd() && peek() == '(') {
            throw error("caps features such as (memory:SystemMemory) are not supported");
        }
        Structure s = Structure.of(name);
        while (true) {
            skipSpace();
            if (atEnd() || peek() == ';') {
                return s;
            }
            if (peek() != ',') {
                throw error("expected ',' or ';' but found '" + peek() + "'" + quoteHint(peek()));
            }
            pos++;
            skipSpace();
            if (atEnd() || peek() == ';') {
                return s; // a trailing comma is allowed, as in GStreamer
            }
            s = field(s);
        }
    }

    private Structure field(Structure s) {
        int nameStart = pos;
        String name = word();
        if (name.isEmpty()) {
            throw error("expected a field name but found '" + peek() + "'");
        }
        int nameEnd = pos;
        skipSpace();
        if (atEnd() || peek() != '=') {
            throw error("expected '=' after field name '" + name + "'", nameEnd);
        }
        pos++;
        Object value = value(null);
        try {
            return s.with(name, value);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage(), nameStart);
        }
    }

    // ---------------------------------------------------------------- values

    private Object value(Scalars.Type inherited) {
        skipSpace();
        Scalars.Type type = inherited;
        if (!atEnd() && peek() == '(') {
            pos++;
            skipSpace();
            int typeStart = pos;
            String typeName = word();
            if (typeName.isEmpty()) {
                throw error("expected a type name after '('");
            }
            type = Scalars.Type.fromName(typeName);
            if (type == null) {
                throw error("unknown type '" + typeName + "' (known: int, uint, int64, uint64, double, "
                        + "float, boolean, string, fraction and their short forms i, u, d, f, b, s)", typeStart);
            }
            skipSpace();
            expect(')', "after type name '" + typeName + "'");
            skipSpace();
        }
        if (atEnd()) {
            throw error("expected a value but reached the end of the input");
        }
        switch (peek()) {
            case '[':
                return range(type);
            case '{':
                return list(type);
            case '<':
                return array(type);
            default:
                return scalar(type);
        }
    }

    private Object range(Scalars.Type type) {
        int start = pos;
        pos++;
        Object min = value(type);
        skipSpace();
        expect(',', "between the bounds of a range");
        Object max = value(type);
        skipSpace();
        Object step = null;
        if (!atEnd() && peek() == ',') {
            pos++;
            step = value(type);
            skipSpace();
        }
        expect(']', "at the end of a range");
        try {
            if (min instanceof Integer a && max instanceof Integer b) {
                if (step == null) {
                    return new IntRange(a, b);
                }
                if (step instanceof Integer st) {
                    return new IntRange(a, b, st);
                }
                throw new IllegalArgumentException("the step of an int range must be an int");
            }
            if (step != null) {
                throw new IllegalArgumentException("only int ranges have a step");
            }
            if (min instanceof Double a && max instanceof Double b) {
                return new DoubleRange(a, b);
            }
            if (min instanceof Fraction a && max instanceof Fraction b) {
                return new FractionRange(a, b);
            }
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage(), start);
        }
        if (min.getClass() != max.getClass()) {
            throw error("range bounds must have the same type, got " + ValueFormat.typeName(min) + " and "
                    + ValueFormat.typeName(max) + " (write the type in front, e.g. (double)[ 1, 2.5 ])", start);
        }
        throw error("ranges hold int, double or fraction values, not " + ValueFormat.typeName(min), start);
    }

    private Object list(Scalars.Type type) {
        int start = pos;
        List<Object> members = members(type, '}', "list");
        if (members.isEmpty()) {
            throw error("a list must hold at least one value", start);
        }
        try {
            return new ValueList(members);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage(), start);
        }
    }

    private Object array(Scalars.Type type) {
        int start = pos;
        List<Object> members = members(type, '>', "array");
        try {
            return new ValueArray(members);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage(), start);
        }
    }

    /** Comma-separated values up to {@code close}; the opening bracket is at {@code pos}. */
    private List<Object> members(Scalars.Type type, char close, String kind) {
        pos++;
        List<Object> members = new ArrayList<>();
        skipSpace();
        if (!atEnd() && peek() == close) {
            pos++;
            return members;
        }
        while (true) {
            members.add(value(type));
            skipSpace();
            if (atEnd()) {
                throw error("expected '" + close + "' to close the " + kind);
            }
            if (peek() == close) {
                pos++;
                return members;
            }
            if (peek() != ',') {
                throw error("expected ',' or '" + close + "' in " + kind + " but found '" + peek() + "'");
            }
            pos++;
        }
    }

    private Object scalar(Scalars.Type type) {
        int start = pos;
        boolean quoted = peek() == '"';
        String text = quoted ? quotedString() : word();
        if (!quoted && text.isEmpty()) {
            throw error("expected a value but found '" + peek() + "'");
        }
        if (type == null) {
            return quoted ? text : guess(text, start);
        }
        Object v = Scalars.convert(text, type);
        if (v == null) {
            throw error("'" + text + "' is not a valid " + type.displayName(), start);
        }
        return v;
    }

    /** Untyped word: the first of int, double, fraction, boolean that fits, else a string. */
    private Object guess(String word, int start) {
        if (word.equals("NULL")) {
            throw error("NULL values are not supported", start);
        }
        return Scalars.guess(word);
    }

    // ---------------------------------------------------------------- lexing

    /** A run of plain characters ({@code GST_ASCII_IS_STRING}); may be empty. */
    private String word() {
        int start = pos;
        while (!atEnd() && ValueFormat.isPlainChar(peek())) {
            pos++;
        }
        return input.substring(start, pos);
    }

    /**
     * A string in double quotes, unescaped as {@code gst_string_unwrap()} does: {@code \ooo}
     * (three octal digits, first 0-3) is one byte of the UTF-8 text, any other {@code \x} is
     * {@code x}.
     */
    private String quotedString() {
        int start = pos;
        pos++; // opening quote
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (true) {
            if (atEnd()) {
                throw error("unterminated string: missing closing '\"'", start);
            }
            char c = peek();
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\') {
                int escape = pos;
                pos++;
                if (atEnd()) {
                    throw error("unterminated string: missing closing '\"'", start);
                }
                char d = peek();
                if (d >= '0' && d <= '3') {
                    if (pos + 2 >= input.length() || !isOctal(input.charAt(pos + 1)) || !isOctal(input.charAt(pos + 2))) {
                        throw error("invalid escape: '\\" + d + "' must be followed by two more octal digits", escape);
                    }
                    bytes.write(((d - '0') << 6) | ((input.charAt(pos + 1) - '0') << 3) | (input.charAt(pos + 2) - '0'));
                    pos += 3;
                    continue;
                }
            }
            int cp = input.codePointAt(pos);
            byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            bytes.write(utf8, 0, utf8.length);
            pos += Character.charCount(cp);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw error("string escapes do not form valid UTF-8", start);
        }
    }

    /** A hint for a character that cannot appear in an unquoted value. */
    private static String quoteHint(char c) {
        return ",;=()[]{}<>\"".indexOf(c) >= 0 ? ""
                : " (put values with spaces or special characters in double quotes)";
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private void expect(char c, String where) {
        if (atEnd()) {
            throw error("expected '" + c + "' " + where + " but reached the end of the input");
        }
        if (peek() != c) {
            throw error("expected '" + c + "' " + where + " but found '" + peek() + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= input.length();
    }

    private char peek() {
        return input.charAt(pos);
    }

    private CapsParseException error(String reason) {
        return error(reason, pos);
    }

    private CapsParseException error(String reason, int at) {
        return new CapsParseException(what, reason, input, at);
    }
}
