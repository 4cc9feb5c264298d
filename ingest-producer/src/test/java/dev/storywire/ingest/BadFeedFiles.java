package dev.storywire.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** One broken feed file per rejection reason, written into a directory; values are a fragment of the reason. */
final class BadFeedFiles {

    private BadFeedFiles() {
    }

    /** Writes the files and returns file to expected reason fragment. */
    static Map<Path, String> writeInto(Path directory) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(write(directory, "empty.md", ""), "empty file");
        files.put(write(directory, "no-front-matter.md", "# Just a heading\n\nNo YAML here.\n"), "front matter");
        files.put(write(directory, "yaml-error.md", "---\ntitle: [unclosed\nwebUrl: https://example.com/y\n---\n"),
                "YAML");
        files.put(write(directory, "no-title.md", "---\nwebUrl: https://example.com/no-title\n---\n"), "title");
        files.put(write(directory, "blank-title.md", "---\ntitle: '  '\nwebUrl: https://example.com/blank\n---\n"),
                "blank");
        files.put(write(directory, "title-list.md", "---\ntitle: [a, b]\nwebUrl: https://example.com/list\n---\n"),
                "title");
        files.put(write(directory, "no-urls.md", "---\ntitle: No URL at all\n---\n"), "webUrl");
        files.put(write(directory, "relative-url.md", "---\ntitle: Relative\nwebUrl: /news/1.html\n---\n"),
                "absolute http(s) URL");
        files.put(write(directory, "bad-date.md",
                "---\ntitle: Bad date\nwebUrl: https://example.com/d\npublishedDateTime: next tuesday\n---\n"),
                "publishedDateTime");
        files.put(write(directory, "related-not-list.md",
                "---\ntitle: Related\nwebUrl: https://example.com/r\nrelated: just one\n---\n"), "related");
        files.put(write(directory, "alias-bomb.md", aliasBomb()), "aliases");
        files.put(write(directory, "deep-nesting.md",
                "---\ntitle: Deep\nwebUrl: https://example.com/deep\nx: " + "[".repeat(200) + "]".repeat(200)
                        + "\n---\n"), "nesting");
        files.put(writeBytes(directory, "latin1.md",
                "---\ntitle: Caf\u00e9\nwebUrl: https://example.com/cafe\n---\n".getBytes(StandardCharsets.ISO_8859_1)),
                "UTF-8");
        files.put(writeBytes(directory, "image.md", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0,
            0, 0, 13}), "binary");
        files.put(write(directory, "too-large.md", "---\ntitle: Huge\nwebUrl: https://example.com/huge\nexcerpt: "
                + "x".repeat(ParserLimits.DEFAULT_MAX_DOCUMENT_BYTES) + "\n---\n"), "too large");
        return files;
    }

    private static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("---\ntitle: lol\nwebUrl: https://example.com/lol\n");
        yaml.append("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ",").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        return yaml.append("---\n").toString();
    }

    private static Path write(Path directory, String name, String text) throws IOException {
        return writeBytes(directory, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path writeBytes(Path directory, String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }
}
