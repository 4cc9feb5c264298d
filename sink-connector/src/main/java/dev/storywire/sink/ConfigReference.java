package dev.storywire.sink;

import dev.storywire.model.config.ConfigMarkdown;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The sink's configuration reference in Markdown, generated from its {@link ConfigDef} by {@link ConfigMarkdown}.
 * The page {@code docs/sink-connector.md} embeds {@link #markdown()} between {@link #BEGIN} and {@link #END}.
 */
public final class ConfigReference {

    public static final String BEGIN = ConfigMarkdown.BEGIN;
    public static final String END = ConfigMarkdown.END;

    private ConfigReference() {
    }

    /** The reference of the sink connector's own settings. */
    public static String markdown() {
        return markdown(StorySinkConfig.CONFIG_DEF);
    }

    public static String markdown(ConfigDef def) {
        return ConfigMarkdown.of(def);
    }
}
