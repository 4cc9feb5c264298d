package dev.storywire.ingest;

import java.util.Collection;
import java.util.Map;

/**
 * Rejects text values that no database stores: the NUL character (U+0000, e.g. from the YAML escape {@code "\0"} or
 * JSON's {@code "\u0000"}; PostgreSQL refuses it in any text column) and unpaired UTF-16 surrogates (from escapes
 * such as {@code "\uD800"}; they have no UTF-8 form). Raw NUL bytes never get this far: {@link StrictText} rejects
 * them as binary content.
 */
final class StorableText {

    private StorableText() {
    }

    /**
     * Whether YAML text may hold a NUL or an unpaired surrogate: only a double-quoted escape can make one
     * (a backslash followed by 0, x, u or U), since the raw text is strict UTF-8 without NUL
     * bytes ({@link StrictText}). Documents without such an escape (nearly all) need no {@link #check}.
     */
    static boolean mayHoldEscapedNulOrSurrogate(String yaml) {
        for (int i = yaml.indexOf('\\'); i >= 0 && i + 1 < yaml.length(); i = yaml.indexOf('\\', i + 2)) {
            char escape = yaml.charAt(i + 1);
            if (escape == '0' || escape == 'x' || escape == 'u' || escape == 'U') {
                return true;
            }
        }
        return false;
    }

    /** Checks every field name and text value of a parsed document, nested ones included. */
    static void check(Map<String, Object> fields, FieldLocator locator) throws DocumentRejectedException {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            checkName(field.getKey(), "", locator.positionOf(field.getKey()));
            checkValue(field.getValue(), field.getKey(), locator.positionOf(field.getKey()));
        }
    }

    private static void checkValue(Object value, String path, String position) throws DocumentRejectedException {
        if (value instanceof String text) {
            checkText(text, "field '" + path + "'", position);
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String name = String.valueOf(entry.getKey());
                checkName(name, path + ".", position);
                checkValue(entry.getValue(), path + "." + name, position);
            }
        } else if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                checkValue(item, path + "[" + index++ + "]", position);
            }
        }
    }

    private static void checkName(String name, String parentPath, String position) throws DocumentRejectedException {
        checkText(name, "field name '" + parentPath + escaped(name) + "'", position);
    }

    private static void checkText(String text, String what, String position) throws DocumentRejectedException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new DocumentRejectedException(what + " contains a NUL character (U+0000) at character " + (i + 1)
                        + ": no database stores it (PostgreSQL refuses it in text)", position);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new DocumentRejectedException(what + String.format(
                        " contains an unpaired surrogate (U+%04X) at character %d: it has no UTF-8 form", (int) c,
                        i + 1), position);
            }
        }
    }

    private static String escaped(String name) {
        return name.replace("\u0000", "\\u0000");
    }
}
