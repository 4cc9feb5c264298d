package dev.storywire.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.storywire.model.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * What one ingest run (or one batch of a follow run) did.
 *
 * @param read documents read (published plus rejected, plus any that failed to send)
 * @param published articles acknowledged by the cluster on the articles topic
 * @param rejected documents rejected and written to the dead-letter topic
 * @param rejections source and reason of each rejected document, in input order
 * @param skipped paths not read at all, with the reason (symbolic links that leave the input directories)
 */
public record IngestReport(long read, long published, long rejected, List<Rejection> rejections,
        List<Skipped> skipped) {

    /** A path found in an input directory and deliberately not read. */
    public record Skipped(String source, String reason) {
    }

    /** One rejected document. */
    public record Rejection(String source, String reason) {

        /**
         * The kind of rejection without its document-specific details: the reason up to its first colon, e.g.
         * {@code no front matter} or {@code YAML syntax error}. For grouping in summaries and metric labels.
         */
        public String reasonCode() {
            int colon = reason.indexOf(':');
            return colon > 0 && colon < 60 ? reason.substring(0, colon) : reason;
        }
    }

    public static final IngestReport EMPTY = new IngestReport(0, 0, 0, List.of());

    /** A report with nothing skipped. */
    public IngestReport(long read, long published, long rejected, List<Rejection> rejections) {
        this(read, published, rejected, rejections, List.of());
    }

    /**
     * @throws IllegalArgumentException when the counts disagree with the list: {@code rejected} must be the number of
     *     rejections listed, and no more documents published and rejected than read
     */
    public IngestReport {
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        if (rejected != rejections.size() || published < 0 || published + rejected > read) {
            throw new IllegalArgumentException("inconsistent ingest report: read " + read + ", published " + published
                    + ", rejected " + rejected + " with " + rejections.size() + " rejections listed");
        }
    }

    /** A report whose rejected count is the number of {@code rejections}. */
    public static IngestReport of(long read, long published, List<Rejection> rejections) {
        return new IngestReport(read, published, rejections.size(), rejections);
    }

    /** This report with {@code paths} added to what was skipped. */
    public IngestReport withSkipped(List<Skipped> paths) {
        List<Skipped> all = new ArrayList<>(skipped);
        all.addAll(paths);
        return new IngestReport(read, published, rejected, rejections, all);
    }

    /** This report followed by {@code other}. */
    public IngestReport plus(IngestReport other) {
        List<Rejection> all = new ArrayList<>(rejections);
        all.addAll(other.rejections);
        List<Skipped> allSkipped = new ArrayList<>(skipped);
        allSkipped.addAll(other.skipped);
        return new IngestReport(read + other.read, published + other.published, rejected + other.rejected, all,
                allSkipped);
    }

    /**
     * {@code {"read": N, "published": N, "rejected": N, "rejections": [{"source": "...", "reason": "..."}],
     * "skipped": [{"source": "...", "reason": "..."}]}}.
     */
    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ingest report of plain numbers and strings is always JSON", e);
        }
    }
}
