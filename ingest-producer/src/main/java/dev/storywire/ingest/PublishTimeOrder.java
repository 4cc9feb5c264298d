package dev.storywire.ingest;

import dev.storywire.model.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The order in which a batch of documents is published: by {@code publishedDateTime}, earliest first; documents with
 * the same time by source path (a JSON Lines source {@code file.jsonl:12} by file, then line number); documents
 * without a date (and rejected ones) last. Sorting is stable, so equal documents keep their input order.
 *
 * <p>A directory load then reaches the story clustering close to event order, which is what its evidence of time
 * proximity assumes. A live feed is published as it arrives; only each newly found batch is sorted.
 */
public final class PublishTimeOrder {

    /** Articles in publish-time order. */
    public static final Comparator<Article> ARTICLES = by(Article::publishedDateTime, Article::source);

    /** Parse results in publish-time order; rejections (no date to go by) last with undated articles, by path. */
    public static final Comparator<ParseResult> RESULTS = by(PublishTimeOrder::publishedDateTime, ParseResult::source);

    private PublishTimeOrder() {
    }

    /**
     * The rule over any type.
     *
     * @param publishedDateTime the item's publish time, {@code null} when it has none
     * @param source where the item was read (a file path or {@code file.jsonl:line}), {@code null} sorts last
     */
    public static <T> Comparator<T> by(Function<? super T, Instant> publishedDateTime,
            Function<? super T, String> source) {
        Comparator<T> byTime = Comparator.comparing(publishedDateTime, Comparator.nullsLast(Comparator.naturalOrder()));
        return byTime.thenComparing(source, Comparator.nullsLast(PublishTimeOrder::compareSources));
    }

    /** A sorted copy of {@code articles}. */
    public static List<Article> sortArticles(List<Article> articles) {
        List<Article> sorted = new ArrayList<>(articles);
        sorted.sort(ARTICLES);
        return sorted;
    }

    /** A sorted copy of {@code results}. */
    public static List<ParseResult> sortResults(List<? extends ParseResult> results) {
        List<ParseResult> sorted = new ArrayList<>(results);
        sorted.sort(RESULTS);
        return sorted;
    }

    private static Instant publishedDateTime(ParseResult result) {
        return result instanceof ParseResult.Parsed parsed ? parsed.record().publishedDateTime() : null;
    }

    /** Path order, and for two lines of one JSON Lines file ({@code path:N}) line-number order. */
    static int compareSources(String left, String right) {
        int byPath = pathOf(left).compareTo(pathOf(right));
        return byPath != 0 ? byPath : Long.compare(lineOf(left), lineOf(right));
    }

    private static String pathOf(String source) {
        int colon = lineSuffixStart(source);
        return colon < 0 ? source : source.substring(0, colon);
    }

    /** The line number of a {@code path:N} source, 0 for a plain path. */
    private static long lineOf(String source) {
        int colon = lineSuffixStart(source);
        return colon < 0 ? 0 : Long.parseLong(source.substring(colon + 1));
    }

    /** Index of the colon of a {@code :N} line-number suffix, or -1 when there is none. */
    private static int lineSuffixStart(String source) {
        int colon = source.lastIndexOf(':');
        if (colon < 0 || colon == source.length() - 1 || source.length() - colon > 10) {
            return -1;
        }
        for (int i = colon + 1; i < source.length(); i++) {
            if (!Character.isDigit(source.charAt(i))) {
                return -1;
            }
        }
        return colon;
    }
}
