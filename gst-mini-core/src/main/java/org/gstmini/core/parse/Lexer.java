package org.gstmini.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts a pipeline description into tokens, the way gst/parse/parse.l does for GStreamer's
 * bison grammar — but written by hand, with the position of every token kept for errors.
 *
 * <p>Like the flex scanner, it decides from what follows a word what the word is:
 * <ul>
 *   <li>{@code word =value} is an {@link Kind#ASSIGN assignment} (spaces around {@code =} are
 *       allowed, {@code child::prop=value} too);</li>
 *   <li>{@code word.} and {@code word.pad} are {@link Kind#REF references};
 *       {@code word.(} (also with spaces) opens a bin of type {@code word}
 *       ({@link Kind#BINREF});</li>
 *   <li>{@code .pad} is a {@link Kind#PADREF pad reference} of the element before it;</li>
 *   <li>anything else is an {@link Kind#IDENT element factory name}.</li>
 * </ul>
 * After a {@code !}, text that starts like a media type ({@code video/x-raw}) or a quoted
 * string is {@link Kind#CAPS caps}, running up to the next {@code !} outside quotes.
 */
final class Lexer {

    enum Kind { IDENT, ASSIGN, REF, PADREF, BINREF, LPAREN, RPAREN, BANG, CAPS, EOF }

    /** One token; which fields are set depends on the kind. */
    static final class Token {
        final Kind kind;
        /** Where the token starts in the description. */
        final int pos;
        /** IDENT: factory name; REF: element name; BINREF: bin factory; CAPS: the caps text. */
        String text;
        /** REF and PADREF: the pad names (possibly none for {@code name.}). */
        List<String> pads = List.of();
        /** REF and PADREF: where each pad name starts. */
        List<Integer> padPositions = List.of();
        /** ASSIGN: the property (or child::property) name. */
        String name;
        /** ASSIGN: the value, without quotes and with escapes resolved. */
        String value;
        /** ASSIGN: where the value starts (after a type, if any). */
        int valuePos;
        /** ASSIGN: the type written in parentheses, {@code int} for {@code (int)5}, or null. */
        String type;
        /** CAPS: for each character of {@link #text}, where it is in the description. */
        int[] textPositions;

        Token(Kind kind, int pos) {
            this.kind = kind;
            this.pos = pos;
        }

        /** How the token reads in an error message. */
        String shown() {
            return switch (kind) {
                case IDENT -> "'" + text + "'";
                case ASSIGN -> "'" + name + "=" + value + "'";
                case REF -> "'" + text + "." + String.join(",", pads) + "'";
                case PADREF -> "'." + String.join(",", pads) + "'";
                case BINREF -> "'" + text + ".('";
                case LPAREN -> "'('";
                case RPAREN -> "')'";
                case BANG -> "'!'";
                case CAPS -> "caps '" + text + "'";
                case EOF -> "the end of the description";
            };
        }
    }

    /** Type names accepted in typed values such as {@code (int)5}: GStreamer's and their short forms. */
    static final Set<String> TYPES = Set.of("int", "i", "uint", "u", "int64", "gint64", "uint64", "guint64", "long",
            "double", "d", "float", "f", "boolean", "bool", "b", "string", "str", "s", "fraction", "caps", "enum",
            "flags");

    private final String in;
    private final int n;
    private int i;
    private final List<Token> out = new ArrayList<>();

    private Lexer(String in) {
        this.in = in;
        this.n = in.length();
    }

    /** All tokens of {@code description}, ending with an EOF token. */
    static List<Token> tokenize(String description) {
        Lexer lx = new Lexer(description);
        lx.run();
        return lx.out;
    }

    private ParseException error(String reason, int at) {
        return new ParseException(reason, in, at);
    }

    static boolean isIdentChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '%';
    }

    static boolean isIdentStart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Whether {@code s} can be written as an element or pad name in a reference ({@code s.pad}). */
    static boolean isIdentifier(String s) {
        if (s == null || s.isEmpty() || !isIdentStart(s.charAt(0))) {
            return false;
        }
        for (int k = 1; k < s.length(); k++) {
            if (!isIdentChar(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private int skipWs(int k) {
        while (k < n && Character.isWhitespace(in.charAt(k))) {
            k++;
        }
        return k;
    }

    private void run() {
        while (true) {
            i = skipWs(i);
            if (i >= n) {
                out.add(new Token(Kind.EOF, n));
                return;
            }
            char c = in.charAt(i);
            int start = i;
            switch (c) {
                case '!' -> {
                    out.add(new Token(Kind.BANG, start));
                    i++;
                    lexCapsAfterBang();
                }
                case '(' -> {
                    out.add(new Token(Kind.LPAREN, start));
                    i++;
                }
                case ')' -> {
                    out.add(new Token(Kind.RPAREN, start));
                    i++;
                }
                case '.' -> {
                    i++;
                    Token t = new Token(Kind.PADREF, start);
                    lexPadList(t, "'.' must be followed by a pad name, as in '.src' or 'name.src'");
                    out.add(t);
                }
                case '"', '\'' -> throw error("unexpected quoted string: quotes belong in property values"
                        + " (prop=\"a b\") and in caps filters (! \"video/x-raw, width=320\" !)", start);
                case '=' -> throw error("'=' without a property name before it: write property=value after an"
                        + " element name", start);
                case '@' -> throw error("presets ('@preset=...') are not supported", start);
                case ',' -> throw error("unexpected ',': several pads are written 'name.pad1,pad2'", start);
                default -> {
                    if (isIdentStart(c)) {
                        lexWord();
                    } else {
                        throw error("unexpected character '" + c + "'", start);
                    }
                }
            }
        }
    }

    /** A word: factory name, assignment, reference or bin opener, told apart by what follows. */
    private void lexWord() {
        int start = i;
        while (i < n) {
            char c = in.charAt(i);
            if (isIdentChar(c)) {
                i++;
            } else if (c == ':' && i + 2 < n && in.charAt(i + 1) == ':' && isIdentChar(in.charAt(i + 2))) {
                i += 2;
            } else {
                break;
            }
        }
        String word = in.substring(start, i);
        int j = skipWs(i);
        if (j < n && in.charAt(j) == '=') {
            lexAssignment(word, start, j);
            return;
        }
        if (word.contains("::")) {
            throw error("expected '=' after '" + word + "': child properties are set as child::property=value", start);
        }
        if (j < n && in.charAt(j) == '.') {
            int k = skipWs(j + 1);
            if (k < n && in.charAt(k) == '(') {
                Token t = new Token(Kind.BINREF, start);
                t.text = word;
                out.add(t);
                i = k + 1;
                return;
            }
            if (j == i) {
                Token t = new Token(Kind.REF, start);
                t.text = word;
                i = j + 1;
                if (i < n && isIdentChar(in.charAt(i))) {
                    lexPadList(t, null);
                }
                out.add(t);
                return;
            }
        }
        if (i < n && in.charAt(i) == '/') {
            throw error("'" + word + "/...' looks like caps: caps filters stand between two links,"
                    + " as in 'a ! " + word + "/... ! b'", start);
        }
        Token t = new Token(Kind.IDENT, start);
        t.text = word;
        out.add(t);
    }

    /** Pad names after a dot: {@code src}, {@code src_%u}, or a list {@code a,b}. */
    private void lexPadList(Token t, String missingMessage) {
        List<String> pads = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        while (true) {
            int ps = i;
            while (i < n && isIdentChar(in.charAt(i))) {
                i++;
            }
            if (i == ps) {
                throw error(missingMessage != null && pads.isEmpty() ? missingMessage
                        : "expected a pad name after ','", ps);
            }
            pads.add(in.substring(ps, i));
            positions.add(ps);
            int j = skipWs(i);
            if (j < n && in.charAt(j) == ',') {
                i = skipWs(j + 1);
                continue;
            }
            break;
        }
        t.pads = List.copyOf(pads);
        t.padPositions = List.copyOf(positions);
    }

    /** After '!': caps up to the next '!' when the text looks like a media type or is quoted. */
    private void lexCapsAfterBang() {
        int j = skipWs(i);
        if (j >= n) {
            return;
        }
        char c = in.charAt(j);
        if (c == '"' || c == '\'') {
            Token t = new Token(Kind.CAPS, j);
            StringBuilder sb = new StringBuilder();
            List<Integer> positions = new ArrayList<>();
            i = readQuoted(j, sb, positions);
            t.text = sb.toString();
            t.textPositions = positions.stream().mapToInt(Integer::intValue).toArray();
            out.add(t);
            return;
        }
        if (!looksLikeMediaType(j)) {
            return;
        }
        int k = j;
        while (k < n) {
            char ch = in.charAt(k);
            if (ch == '!') {
                break;
            }
            if (ch == '"' || ch == '\'') {
                k = skipQuoted(k);
            } else if (ch == '\\' && k + 1 < n) {
                k += 2;
            } else {
                k++;
            }
        }
        int end = k;
        while (end > j && Character.isWhitespace(in.charAt(end - 1))) {
            end--;
        }
        Token t = new Token(Kind.CAPS, j);
        t.text = in.substring(j, end);
        t.textPositions = new int[end - j];
        for (int x = 0; x < t.textPositions.length; x++) {
            t.textPositions[x] = j + x;
        }
        out.add(t);
        i = end;
    }

    /** {@code [alnum-]+/[alnum-]}: the start of a media type such as {@code video/x-raw}. */
    private boolean looksLikeMediaType(int k) {
        int s = k;
        while (k < n && (Character.isLetterOrDigit(in.charAt(k)) || in.charAt(k) == '-')) {
            k++;
        }
        return k > s && k + 1 < n && in.charAt(k) == '/'
                && (Character.isLetterOrDigit(in.charAt(k + 1)) || in.charAt(k + 1) == '-');
    }

    /** Skips a quoted region starting at {@code k}; returns the index after the closing quote. */
    private int skipQuoted(int k) {
        char q = in.charAt(k);
        int x = k + 1;
        while (x < n) {
            char ch = in.charAt(x);
            if (ch == '\\' && x + 1 < n) {
                x += 2;
            } else if (ch == q) {
                return x + 1;
            } else {
                x++;
            }
        }
        throw unterminated(k);
    }

    private ParseException unterminated(int k) {
        char q = in.charAt(k);
        return error("unterminated string: the " + q + " here has no closing " + q, k);
    }

    /**
     * Reads a quoted string at {@code k} into {@code sb}, dropping the quotes and the backslash
     * of every escape ({@code \"} gives {@code "}, {@code \\} gives {@code \}), as
     * {@code gst_parse_unescape} does. Returns the index after the closing quote.
     */
    private int readQuoted(int k, StringBuilder sb, List<Integer> positions) {
        char q = in.charAt(k);
        int x = k + 1;
        while (x < n) {
            char ch = in.charAt(x);
            if (ch == '\\' && x + 1 < n) {
                sb.append(in.charAt(x + 1));
                if (positions != null) {
                    positions.add(x + 1);
                }
                x += 2;
            } else if (ch == q) {
                return x + 1;
            } else {
                sb.append(ch);
                if (positions != null) {
                    positions.add(x);
                }
                x++;
            }
        }
        throw unterminated(k);
    }

    /** {@code name = value}: the value is quoted, typed {@code (int)5}, or a bare word. */
    private void lexAssignment(String name, int namePos, int eqPos) {
        Token t = new Token(Kind.ASSIGN, namePos);
        t.name = name;
        int j = skipWs(eqPos + 1);
        if (j >= n || in.charAt(j) == '!' || in.charAt(j) == ')') {
            throw error("'=' without a value: write " + name + "=value (\"\" for an empty string)", eqPos);
        }
        if (in.charAt(j) == '(') {
            int k = j + 1;
            while (k < n && (Character.isLetterOrDigit(in.charAt(k)) || in.charAt(k) == '_')) {
                k++;
            }
            if (k == j + 1 || k >= n || in.charAt(k) != ')') {
                throw error("expected a type in parentheses before the value of '" + name + "', such as (int),"
                        + " (double), (boolean), (string), (fraction) or (caps)", j);
            }
            String type = in.substring(j + 1, k);
            if (!TYPES.contains(type)) {
                throw error("unknown type '(" + type + ")' for '" + name + "'; use one of (int), (uint), (int64),"
                        + " (double), (float), (boolean), (string), (fraction), (caps), (enum)", j);
            }
            t.type = type;
            j = k + 1;
            if (j >= n || Character.isWhitespace(in.charAt(j)) || in.charAt(j) == '!' || in.charAt(j) == ')') {
                throw error("'(" + type + ")' must be followed by its value, with no space: " + name + "=(" + type
                        + ")value", j - type.length() - 2);
            }
        }
        t.valuePos = j;
        StringBuilder sb = new StringBuilder();
        char c = in.charAt(j);
        if (c == '"' || c == '\'') {
            i = readQuoted(j, sb, null);
        } else {
            i = readBare(j, sb);
        }
        t.value = sb.toString();
        out.add(t);
    }

    /**
     * A bare value: up to white space, a '!' or a ')' that closes nothing in the value, so that
     * {@code caps=video/x-raw,width=(int)320} is one value. Quoted parts are kept as written
     * (caps read their own quotes); a backslash escapes the next character.
     */
    private int readBare(int j, StringBuilder sb) {
        int depth = 0;
        int k = j;
        while (k < n) {
            char ch = in.charAt(k);
            if (Character.isWhitespace(ch) || ch == '!') {
                break;
            }
            if (ch == '\\' && k + 1 < n) {
                sb.append(in.charAt(k + 1));
                k += 2;
                continue;
            }
            if (ch == '"' || ch == '\'') {
                int end = skipQuoted(k);
                sb.append(in, k, end);
                k = end;
                continue;
            }
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
            sb.append(ch);
            k++;
        }
        return k;
    }
}
