package dev.storywire.app.ingest;

import dev.storywire.ingest.ParseResult;
import java.util.List;

/** Documents parsed so far, and how many of them the parser rejected; for progress output only. */
final class DocumentCounts {

    private long files;
    private long documents;
    private long rejected;

    void add(List<ParseResult> results) {
        files++;
        documents += results.size();
        rejected += results.stream().filter(ParseResult.Rejected.class::isInstance).count();
    }

    long files() {
        return files;
    }

    long documents() {
        return documents;
    }

    long rejected() {
        return rejected;
    }
}
