package dev.storywire.model.config;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.types.Password;

/**
 * A configuration reference in Markdown, generated from a {@link ConfigDef}: one section per group, in the group
 * order, each key with its documentation, display name, type, default, valid values and importance. The modules'
 * docs pages embed it between {@link #BEGIN} and {@link #END}, and a test per module fails when the page is stale.
 */
public final class ConfigMarkdown {

    public static final String BEGIN = "<!-- BEGIN GENERATED CONFIG REFERENCE: do not edit, a test compares it with the ConfigDef -->";
    public static final String END = "<!-- END GENERATED CONFIG REFERENCE -->";

    private ConfigMarkdown() {
    }

    public static String of(ConfigDef def) {
        StringBuilder out = new StringBuilder();
        for (String group : def.groups()) {
            out.append("### ").append(group).append("\n\n");
            List<ConfigKey> keys = def.configKeys().values().stream()
                    .filter(key -> group.equals(key.group))
                    .sorted(Comparator.comparingInt(key -> key.orderInGroup))
                    .toList();
            for (ConfigKey key : keys) {
                appendKey(out, key);
            }
        }
        return out.toString();
    }

    /**
     * {@code page} with the text between its markers replaced by {@code generated}.
     *
     * @throws IllegalArgumentException when the page lacks the markers
     */
    public static String embed(String page, String generated) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("The page has no " + BEGIN + " ... " + END + " section");
        }
        return page.substring(0, begin) + BEGIN + "\n\n" + generated + page.substring(end);
    }

    private static void appendKey(StringBuilder out, ConfigKey key) {
        out.append("#### `").append(key.name).append("`\n\n");
        out.append(key.documentation.trim()).append("\n\n");
        out.append("| | |\n|---|---|\n");
        out.append("| Display name | ").append(key.displayName).append(" |\n");
        out.append("| Type | ").append(key.type.name().toLowerCase(Locale.ROOT)).append(" |\n");
        out.append("| Default | ").append(defaultValue(key)).append(" |\n");
        if (key.validator != null) {
            out.append("| Valid values | ").append(escape(key.validator.toString())).append(" |\n");
        } else if (key.type == ConfigDef.Type.BOOLEAN) {
            out.append("| Valid values | true, false |\n");
        }
        out.append("| Importance | ").append(key.importance.name().toLowerCase(Locale.ROOT)).append(" |\n\n");
    }

    private static String defaultValue(ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        Object value = key.defaultValue;
        if (value == null || value instanceof Password) {
            return "(none)";
        }
        String text = value.toString();
        return text.isEmpty() ? "(empty)" : "`" + escape(text) + "`";
    }

    /** Keeps a value inside its table cell. */
    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
