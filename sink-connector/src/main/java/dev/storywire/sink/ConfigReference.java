package dev.storywire.sink;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.types.Password;

/**
 * The configuration reference in Markdown, generated from a {@link ConfigDef}: one section per group, in the
 * group order, each key with its documentation, type, default, valid values and importance. The page
 * {@code docs/sink-connector.md} embeds {@link #markdown()} between {@link #BEGIN} and {@link #END}.
 */
public final class ConfigReference {

    public static final String BEGIN = "<!-- BEGIN GENERATED CONFIG REFERENCE: do not edit, see ConfigReferenceTest -->";
    public static final String END = "<!-- END GENERATED CONFIG REFERENCE -->";

    private ConfigReference() {
    }

    /** The reference of the sink connector's own settings. */
    public static String markdown() {
        return markdown(StorySinkConfig.CONFIG_DEF);
    }

    public static String markdown(ConfigDef def) {
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
