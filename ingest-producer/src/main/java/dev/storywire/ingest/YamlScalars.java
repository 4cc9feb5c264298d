package dev.storywire.ingest;

import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Builds a scalar's value for its tag exactly as SnakeYAML's safe constructor does (YAML 1.1 integers with
 * {@code 0x}, octal and sexagesimal forms, floats with {@code .inf}, {@code yes/no} booleans, timestamps as dates,
 * base64 binary), one scalar at a time: each scalar is handed over alone, never as part of a node graph. Text, the
 * common case, never comes here. Not thread-safe (SnakeYAML's timestamp constructor keeps a calendar): one per
 * document.
 */
final class YamlScalars extends SafeConstructor {

    /** The scalar tags the safe constructor builds; any other tag on a scalar is refused. */
    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.NULL, Tag.BOOL, Tag.INT, Tag.FLOAT, Tag.BINARY,
            Tag.TIMESTAMP, Tag.STR);

    /** A scalar whose tag no constructor knows (a custom tag such as {@code !!javax.script.ScriptEngineManager}). */
    static final class UnknownTagException extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownTagException() {
            super(null, null, false, false);
        }
    }

    YamlScalars() {
        super(new LoaderOptions());
    }

    Object construct(Tag tag, ScalarEvent event) throws UnknownTagException {
        if (!SCALAR_TAGS.contains(tag)) {
            throw new UnknownTagException();
        }
        Construct constructor = yamlConstructors.get(tag);
        return constructor.construct(new ScalarNode(tag, event.getValue(), event.getStartMark(), event.getEndMark(),
                event.getScalarStyle()));
    }
}
