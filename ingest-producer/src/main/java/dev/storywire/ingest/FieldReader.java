package dev.storywire.ingest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to the fields of a parsed document (plain maps, lists and scalars), rejecting values of the wrong
 * type with a reason that names the field path and shows the value.
 */
final class FieldReader {

    private static final int PREVIEW_CHARS = 80;

    private final Map<?, ?> fields;
    private final String path;
    private final FieldLocator locator;

    /**
     * @param path the field path prefix for messages: empty at the top level, else e.g. {@code provider.}
     */
    FieldReader(Map<?, ?> fields, String path, FieldLocator locator) {
        this.fields = fields;
        this.path = path;
        this.locator = locator;
    }

    Object raw(String field) {
        return fields.get(field);
    }

    /** A text field; numbers, booleans and timestamps are taken as their text, lists and mappings are rejected. */
    String string(String field) throws DocumentRejectedException {
        Object value = fields.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        throw wrongType(field, "a string", value);
    }

    Integer integer(String field) throws DocumentRejectedException {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            long number = ((Number) value).longValue();
            if (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE
                    && BigInteger.valueOf(number).equals(toBigInteger(value))) {
                return (int) number;
            }
            throw wrongType(field, "a whole number within 32 bits", value);
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double number = ((Number) value).doubleValue();
            if (number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        throw wrongType(field, "a whole number", value);
    }

    Boolean bool(String field) throws DocumentRejectedException {
        Object value = fields.get(field);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw wrongType(field, "a boolean (true/false)", value);
    }

    Instant instant(String field) throws DocumentRejectedException {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String) && !(value instanceof Date)) {
            throw new DocumentRejectedException("field '" + path + field + "' is not a date-time: "
                    + preview(value) + " is " + describeType(value), locator.positionOf(rootField(field)));
        }
        return DateTimes.parse(value).orElseThrow(() -> new DocumentRejectedException(
                "field '" + path + field + "' is not a date-time: unparseable value " + preview(value),
                locator.positionOf(rootField(field))));
    }

    /** A list field; {@code null} when absent. */
    List<?> list(String field) throws DocumentRejectedException {
        Object value = fields.get(field);
        if (value == null || value instanceof List<?>) {
            return (List<?>) value;
        }
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection); // a YAML !!set
        }
        throw wrongType(field, "a list", value);
    }

    /** A nested mapping as a reader of its own; {@code null} when absent. */
    FieldReader mapping(String field) throws DocumentRejectedException {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return new FieldReader(map, path + field + ".", nestedLocator(field));
        }
        throw wrongType(field, "a mapping of fields", value);
    }

    /** Element {@code index} of list {@code field}, which must be a mapping. */
    FieldReader element(String field, int index, Object element) throws DocumentRejectedException {
        if (element instanceof Map<?, ?> map) {
            return new FieldReader(map, path + field + "[" + index + "].", nestedLocator(field));
        }
        throw wrongType(field + "[" + index + "]", "a mapping of fields", element);
    }

    /** A list of texts; each element must be a scalar. */
    List<String> strings(String field) throws DocumentRejectedException {
        List<?> values = list(field);
        if (values == null) {
            return null;
        }
        List<String> result = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                result.add(value.toString());
            } else if (value != null) {
                throw wrongType(field + "[" + i + "]", "a string", value);
            }
        }
        return result;
    }

    DocumentRejectedException wrongType(String field, String expected, Object value) {
        return new DocumentRejectedException(
                "field '" + path + field + "' must be " + expected + ", but is " + describeType(value) + ": "
                        + preview(value),
                locator.positionOf(rootField(field)));
    }

    String position(String field) {
        return locator.positionOf(rootField(field));
    }

    String path() {
        return path;
    }

    private String rootField(String field) {
        String full = path + field;
        int end = full.length();
        for (int i = 0; i < full.length(); i++) {
            if (full.charAt(i) == '.' || full.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        return full.substring(0, end);
    }

    private FieldLocator nestedLocator(String field) {
        // Positions are kept for top-level fields only; nested fields report their top-level field's position.
        return ignored -> locator.positionOf(rootField(field));
    }

    private static BigInteger toBigInteger(Object value) {
        return value instanceof BigInteger big ? big : BigInteger.valueOf(((Number) value).longValue());
    }

    static String describeType(Object value) {
        if (value == null) {
            return "empty";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Date) {
            return "a timestamp";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof Collection<?>) {
            return "a list";
        }
        if (value instanceof byte[]) {
            return "binary data";
        }
        return "a " + value.getClass().getSimpleName();
    }

    static String preview(Object value) {
        String text;
        if (value instanceof String string) {
            text = "'" + string + "'";
        } else if (value instanceof Date date) {
            text = date.toInstant().toString();
        } else if (value instanceof byte[] bytes) {
            text = bytes.length + " bytes";
        } else {
            text = String.valueOf(value);
        }
        text = text.replaceAll("\\s+", " ");
        return text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) + "..." : text;
    }

    /** Turns any parsed value into JSON-friendly values: timestamps to ISO text, binary to Base64, sets to lists. */
    static Object toJsonValue(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), toJsonValue(v)));
            return result;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> result = new ArrayList<>(collection.size());
            collection.forEach(v -> result.add(toJsonValue(v)));
            return result;
        }
        if (value instanceof Object[] array) {
            return toJsonValue(java.util.Arrays.asList(array));
        }
        return value;
    }
}
