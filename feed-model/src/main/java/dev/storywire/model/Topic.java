package dev.storywire.model;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with its default name and the serdes of its keys and values.
 *
 * @param name the default name; every component lets the user override it
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    /** The same topic under another name, e.g. from configuration. */
    public Topic<K, V> named(String otherName) {
        return new Topic<>(otherName, keySerde, valueSerde);
    }
}
