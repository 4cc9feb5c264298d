package dev.storywire.processor.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Document frequencies of a larger background corpus shipped with the project, so term weights are sensible from
 * the first article on. The resource {@value #RESOURCE} is a UTF-8 text file: a line {@code #documents<TAB>N},
 * then one {@code term<TAB>df} line per term (terms as {@link Tokenizer} makes them). It is regenerated with
 * {@code BackgroundFrequenciesBuilder} in the test sources (see docs/stream-processor.md).
 */
public final class BackgroundFrequencies implements DocumentFrequencies {

    public static final String RESOURCE = "/dev/storywire/processor/text/background-df.tsv";
    public static final String DOCUMENTS_LINE = "#documents";

    private static final BackgroundFrequencies SHIPPED = load(RESOURCE);
    private static final BackgroundFrequencies NONE = new BackgroundFrequencies(Map.of(), 0);

    private final Map<String, Long> frequencies;
    private final long documents;

    public BackgroundFrequencies(Map<String, Long> frequencies, long documents) {
        // A hash map, not Map.copyOf: its lookups by term string are much shorter (see TermVector#frozen).
        this.frequencies = Collections.unmodifiableMap(new HashMap<>(frequencies));
        this.documents = documents;
    }

    /** The table shipped in the jar. */
    public static BackgroundFrequencies shipped() {
        return SHIPPED;
    }

    /** No background at all: only live counts matter. */
    public static BackgroundFrequencies none() {
        return NONE;
    }

    @Override
    public long documentFrequency(String term) {
        return frequencies.getOrDefault(term, 0L);
    }

    @Override
    public long documentCount() {
        return documents;
    }

    public int terms() {
        return frequencies.size();
    }

    static BackgroundFrequencies load(String resource) {
        try (InputStream in = BackgroundFrequencies.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Background frequency table " + resource + " is not on the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read background frequency table " + resource, e);
        }
    }

    static BackgroundFrequencies parse(BufferedReader reader, String source) throws IOException {
        Map<String, Long> frequencies = new HashMap<>();
        long documents = 0;
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != 2) {
                throw new IllegalStateException(source + " line " + number + ": expected term<TAB>count, got '" + line + "'");
            }
            long count = Long.parseLong(columns[1].strip());
            if (columns[0].equals(DOCUMENTS_LINE)) {
                documents = count;
            } else {
                frequencies.put(columns[0], count);
            }
        }
        return new BackgroundFrequencies(frequencies, documents);
    }
}
