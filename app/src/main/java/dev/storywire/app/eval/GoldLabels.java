package dev.storywire.app.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A labels TSV: a header line, then {@code file<TAB>web_url<TAB>story} per labelled document.
 *
 * @param storyOfFile gold story per file name
 * @param urlOfFile the document's {@code webUrl} per file name, exactly as the labels give it
 */
public record GoldLabels(Map<String, String> storyOfFile, Map<String, String> urlOfFile) {

    public GoldLabels {
        storyOfFile = Map.copyOf(storyOfFile);
        urlOfFile = Map.copyOf(urlOfFile);
    }

    public static GoldLabels read(Path tsv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read labels " + tsv, e);
        }
        Map<String, String> stories = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length < 3) {
                throw new IllegalArgumentException(tsv + " line " + (i + 1) + ": expected file, web_url, story; got '"
                        + line + "'");
            }
            stories.put(columns[0].strip(), columns[2].strip());
            urls.put(columns[0].strip(), columns[1].strip());
        }
        if (stories.isEmpty()) {
            throw new IllegalArgumentException(tsv + " has no labelled documents");
        }
        return new GoldLabels(stories, urls);
    }
}
