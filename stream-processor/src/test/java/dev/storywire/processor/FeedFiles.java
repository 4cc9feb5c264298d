package dev.storywire.processor;

import dev.storywire.model.Article;
import dev.storywire.model.CanonicalUrl;
import dev.storywire.model.Image;
import dev.storywire.model.Provider;
import dev.storywire.model.RelatedItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Test-only reader of feed files (YAML front matter between {@code ---} lines) into {@link Article}s. */
public final class FeedFiles {

    /** {@code ../shared} of the project root, located from the module directory the tests run in. */
    public static final Path SHARED = Path.of("..", "..", "shared").toAbsolutePath().normalize();
    public static final Path SEEDS = SHARED.resolve("seeds");
    public static final Path CORPUS = SHARED.resolve("corpus");

    private FeedFiles() {
    }

    /** The feed files of {@code directory}, sorted by file name. */
    public static List<Path> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    /** The seed whose file name starts with {@code prefix} ("000" to "004"). */
    public static Article seed(String prefix) {
        return list(SEEDS).stream()
                .filter(p -> p.getFileName().toString().startsWith(prefix))
                .findFirst()
                .map(FeedFiles::read)
                .orElseThrow(() -> new IllegalArgumentException("No seed " + prefix + "* in " + SEEDS));
    }

    public static Article read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String[] parts = text.split("(?m)^---\\s*$", 3);
            if (parts.length < 2) {
                throw new IllegalArgumentException("No front matter in " + file);
            }
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(parts[1]);
            return toArticle(doc, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Article toArticle(Map<String, Object> doc, String source) {
        String webUrl = string(doc.get("webUrl"));
        List<RelatedItem> related = new ArrayList<>();
        for (Object item : (List<Object>) doc.getOrDefault("related", List.of())) {
            Map<String, Object> r = (Map<String, Object>) item;
            String url = string(r.get("webUrl"));
            related.add(new RelatedItem(CanonicalUrl.tryCanonicalId(url).orElse(null), string(r.get("title")),
                    string(r.get("excerpt")), instant(r.get("publishedDateTime")), url, string(r.get("ampWebUrl")),
                    string(r.get("cdnAmpWebUrl")), string(r.get("type")), provider(r.get("provider")), null,
                    List.<Image>of()));
        }
        List<String> topics = ((List<Object>) doc.getOrDefault("topics", List.of())).stream().map(String::valueOf)
                .toList();
        return new Article(CanonicalUrl.canonicalId(webUrl), string(doc.get("title")), string(doc.get("excerpt")),
                instant(doc.get("publishedDateTime")), webUrl, string(doc.get("originalUrl")),
                string(doc.get("ampWebUrl")), string(doc.get("cdnAmpWebUrl")), string(doc.get("type")),
                string(doc.get("category")), null, null, null, provider(doc.get("provider")), topics, List.of(),
                related, null, Map.of(), source, null, null);
    }

    @SuppressWarnings("unchecked")
    private static Provider provider(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> p = (Map<String, Object>) map;
        return new Provider(string(p.get("name")), string(p.get("domain")), List.of());
    }

    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
