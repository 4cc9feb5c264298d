package dev.storywire.faults;

import dev.storywire.testsupport.SyntheticWords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic synthetic feed written as feed files in the real YAML front-matter format: {@code articles}
 * distinct articles in stories of one to five members (shared event words, so the clustering has work to do), and
 * for a share of them one or two copies under another URL form ({@link UrlForms}), which must dedupe away.
 *
 * <p>Publish times lie in the {@value #SPAN_HOURS} hours before {@code now}, so no output record is old enough for
 * a topic's time-based retention: a scenario measures its fault, not retention (issue 21, defect 1, has its own
 * test).
 */
public final class SyntheticArticles {

    static final int SPAN_HOURS = 24;
    /** One article in {@value} gets copies under other URL forms. */
    static final int DUPLICATE_EVERY = 3;
    private static final int COMMON_WORDS = 2_000;
    private static final int TOPICS = 40;

    private SyntheticArticles() {
    }

    /** One generated article: its canonical URL and the URLs of the copies written for it. */
    public record Generated(String url, List<String> copyUrls) {
    }

    /** What was written: the files, the originals and how many copies. */
    public record Feed(Path directory, List<Generated> articles, int files) {

        public int duplicates() {
            return files - articles.size();
        }
    }

    /** Writes the feed into {@code directory} (created), one document per file. */
    public static Feed write(Path directory, int articles, long seed, Instant now) {
        Random random = new Random(seed);
        Instant start = now.minus(Duration.ofHours(SPAN_HOURS)).truncatedTo(ChronoUnit.SECONDS);
        long stepMillis = Duration.ofHours(SPAN_HOURS).toMillis() / Math.max(1, articles);
        List<Generated> generated = new ArrayList<>(articles);
        int files = 0;
        int story = 0;
        // Full, so that the first article starts a story.
        int inStory = 1;
        int storySize = 1;
        List<String> eventWords = List.of();
        int topic = 0;
        try {
            Files.createDirectories(directory);
            for (int i = 0; i < articles; i++) {
                if (inStory == storySize) {
                    story++;
                    inStory = 0;
                    storySize = random.nextDouble() < 0.5 ? 1 : 2 + random.nextInt(4);
                    eventWords = eventWords(story);
                    topic = random.nextInt(TOPICS);
                }
                inStory++;
                int provider = random.nextInt(300);
                String url = "https://provider" + provider + ".example/news/s" + seed + "-" + i;
                Instant published = start.plusMillis(i * stepMillis);
                String title = sentence(random, eventWords, 3, 3);
                String excerpt = sentence(random, eventWords, 3, 14);
                List<String> copies = new ArrayList<>();
                if (i % DUPLICATE_EVERY == 0) {
                    copies.add(UrlForms.variant(url, i / DUPLICATE_EVERY));
                    if (i % (DUPLICATE_EVERY * 4) == 0) {
                        copies.add(UrlForms.variant(url, i / DUPLICATE_EVERY + 2));
                    }
                }
                writeDocument(directory.resolve(String.format("a%06d.md", i)), url, title, excerpt, published,
                        provider, topic);
                files++;
                for (int c = 0; c < copies.size(); c++) {
                    writeDocument(directory.resolve(String.format("a%06d-copy%d.md", i, c)), copies.get(c), title,
                            excerpt, published, provider, topic);
                    files++;
                }
                generated.add(new Generated(url, List.copyOf(copies)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic feed to " + directory, e);
        }
        return new Feed(directory, List.copyOf(generated), files);
    }

    /** The front-matter document for one article, as the real feed writes it. */
    static String document(String url, String title, String excerpt, Instant published, int provider, int topic) {
        return "---\n"
                + "category: news\n"
                + "title: \"" + title + "\"\n"
                + "excerpt: \"" + excerpt + "\"\n"
                + "publishedDateTime: " + published + "\n"
                + "webUrl: \"" + url + "\"\n"
                + "type: article\n"
                + "quality: 50\n"
                + "heat: -1\n"
                + "published: false\n"
                + "\n"
                + "provider:\n"
                + "  name: Provider " + provider + "\n"
                + "  domain: provider" + provider + ".example\n"
                + "\n"
                + "topics:\n"
                + "  - Topic " + topic + "\n"
                + "---\n";
    }

    private static void writeDocument(Path file, String url, String title, String excerpt, Instant published,
            int provider, int topic) throws IOException {
        Files.writeString(file, document(url, title, excerpt, published, provider, topic), StandardCharsets.UTF_8);
    }

    private static List<String> eventWords(int story) {
        List<String> words = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            words.add(SyntheticWords.word("ev", story * 6 + k));
        }
        return words;
    }

    private static String sentence(Random random, List<String> event, int eventWords, int commonWords) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < eventWords; i++) {
            words.add(event.get(random.nextInt(event.size())));
        }
        for (int i = 0; i < commonWords; i++) {
            words.add(SyntheticWords.commonWord(random, COMMON_WORDS));
        }
        java.util.Collections.shuffle(words, random);
        return String.join(" ", words);
    }
}
