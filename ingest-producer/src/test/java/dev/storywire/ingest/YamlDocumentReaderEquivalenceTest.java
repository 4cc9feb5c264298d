package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Jackson streaming reader gives what the previous SnakeYAML node-graph reader gave: the same articles for the
 * real feed files, the same rejection reasons and positions for broken and hostile documents.
 */
class YamlDocumentReaderEquivalenceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String URL = "webUrl: https://example.com/a\n";

    private final FeedDocumentParser streaming = new FeedDocumentParser(ParserLimits.defaults(), CLOCK);
    private final FeedDocumentParser reference = new FeedDocumentParser(ParserLimits.defaults(), CLOCK,
            new SnakeYamlNodeReader(ParserLimits.defaults()), false);

    @Test
    void shouldBuildTheSameArticlesFromEveryRealFeedFile() throws IOException {
        List<Path> files = new ArrayList<>(SharedFeedFiles.corpus());
        files.addAll(SharedFeedFiles.seeds());

        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(describe(streaming, file.toString(), bytes)).as(file.toString())
                    .isEqualTo(describe(reference, file.toString(), bytes));
        }
        assertThat(files).hasSizeGreaterThan(200);
    }

    @ParameterizedTest
    @MethodSource("documents")
    void shouldGiveTheSameResultAsTheNodeGraphReader(String yaml) {
        byte[] bytes = ("---\n" + yaml + "\n---\n").getBytes(StandardCharsets.UTF_8);

        assertThat(describe(streaming, "doc.md", bytes)).isEqualTo(describe(reference, "doc.md", bytes));
    }

    static Stream<String> documents() {
        String deep = "[".repeat(40) + "]".repeat(40);
        return Stream.of(
                // values of every scalar type, in known and unknown fields
                "title: T\n" + URL + "quality: 0x1F\nheat: 1_000\npublished: yes\nextra: [on, off, ~, null, 1:20]",
                "title: T\n" + URL + "publishedDateTime: 2021-05-18 19:18:00 +2\nwhen: 2001-12-14t21:59:43.10-05:00",
                "title: T\n" + URL + "publishedDateTime: 2021-05-18\nday: 2021-05-18\nratio: .inf\nnan: .NaN",
                "title: T\n" + URL + "publishedDateTime: \"2021-05-18T19:18:00Z\"\nq: '12'\nbig: 123456789012345678901",
                "title: T\n" + URL + "quality: 3.0\nheat: 2.5\nf: 1.5e3\noct: 012\nneg: -0b101",
                "title: 2021-05-18T19:18:00Z\n" + URL,
                "title: 12\n" + URL + "excerpt: true\ntopics: [1, yes, 2.5, x]",
                "title: T\n" + URL + "bin: !!binary aGVsbG8=\nset: !!set {a, b}\nomap: !!omap [a: 1, b: 2]",
                "title: T\n" + URL + "pairs: !!pairs [a: 1, a: 2]\nstr: !!str 12\nint: !!int \"7\"",
                "title: T\n" + URL + "empty:\nquoted: ''\nblock: |\n  two\n  lines\nfolded: >\n  one\n  line",
                "title: T\n" + URL + "base: &b {x: 1, y: 2}\nmerged:\n  <<: *b\n  y: 3\n  z: 4",
                "title: T\n" + URL + "a: &a {x: 1}\nb: &c {x: 2, w: 0}\nmerged: {<<: [*a, *c], q: 1}",
                "title: T\n" + URL + "\"<<\": quoted merge key is text",
                "title: T\n" + URL + "1: one\n01: octal one",
                "title: T\n" + URL + "images: [{width: 0, height: 648}]\nn: [00, 09, 0x10, 1_0, 10:20, 7., -3, +4]",
                "title: T\n" + URL + "provider:\n  name: P\n  name: Q",
                "title: &t T\n" + URL + "headline: *t\nagain: *t",
                "title: T\n" + URL + "list: &l [1, 2]\ncopies: [*l, *l]",
                "title: T\n" + URL + "copies: [*nowhere]",
                "title: T\n" + URL + "loop: &loop [1, *loop]",
                "title: T\n" + URL + "loop: &m {a: *m}",
                "title: T\n" + URL + "x: " + deep,
                "title: T\n" + URL + "x: " + "[".repeat(33) + "]".repeat(33),
                "title: T\n" + URL + "x: " + "[".repeat(34) + "]".repeat(34),
                "title: T\n" + URL + "x: " + "[".repeat(35) + "]".repeat(35),
                "title: !!javax.script.ScriptEngineManager [x]\n" + URL,
                "title: !custom T\n" + URL,
                "title: !<tag:example.com,2000:x> T\n" + URL,
                "title: !!python/object:os.system T\n" + URL,
                "title: A\ntitle: B\n" + URL,
                "- just\n- a list",
                "just text",
                "",
                "title: T\n" + URL + "...\nmore: doc",
                "title: \"unterminated\n" + URL,
                "title: ok\nwebUrl: [unclosed",
                "title: T\n  bad indent: x\n" + URL,
                "title: T\n" + URL + "\tx: tab",
                "&k title: T\n" + URL + "copy: *k",
                "title: T\n" + URL + "%TAG ! tag:example.com,2000:\n",
                "title: \"Breaking\\0 news\"\n" + URL,
                "title: \"half \\uD800 a pair\"\n" + URL,
                "title: \"Tab\\tand bell\\a\"\n" + URL,
                "title: T\n" + URL + "\"k\\0\": v",
                "title: \"\\x00\"\n" + URL,
                "title: \"  \"\n" + URL,
                "title: [a, b]\n" + URL,
                "title: T\n" + URL + "related: nope",
                "title: T\n" + URL + "related:\n  - title: r\n    webUrl: ftp://x\n  - webUrl: https://example.com/b",
                "title: T\n" + URL + "images: [{url: u, width: 10.5}]",
                "title: T\n" + URL + "provider: [x]",
                "title: T\nwebUrl: /relative");
    }

    @ParameterizedTest
    @MethodSource("valuesTheNodeGraphReaderCrashedOn")
    void shouldRejectTaggedValuesThatCannotBeBuiltWhereTheNodeGraphReaderThrew(String yaml, String reason) {
        byte[] bytes = ("---\n" + yaml + "\n---\n").getBytes(StandardCharsets.UTF_8);

        assertThat(describe(streaming, "doc.md", bytes)).singleElement().asString()
                .startsWith("rejected at 2:").contains(reason);
    }

    static Stream<Arguments> valuesTheNodeGraphReaderCrashedOn() {
        return Stream.of(
                Arguments.of("x: !!int x\n" + URL, "cannot construct the tag:yaml.org,2002:int value"),
                Arguments.of("x: !!float x\n" + URL, "cannot construct the tag:yaml.org,2002:float value"),
                Arguments.of("x: !!map [1]\n" + URL, "could not determine a constructor for the tag"),
                Arguments.of("x: !!seq {a: 1}\n" + URL, "could not determine a constructor for the tag"));
    }

    @ParameterizedTest
    @MethodSource("keysThatAreNotScalars")
    void shouldRejectMappingKeysThatAreNotScalarsNamingWhatTheyAre(String key, String what) {
        byte[] bytes = ("---\ntitle: T\n" + URL + key + "\n---\n").getBytes(StandardCharsets.UTF_8);

        assertThat(describe(streaming, "doc.md", bytes)).singleElement().asString().matches("rejected at [45]:\\d+: .*")
                .contains("a mapping key must be a scalar (text or a number), but this one is " + what);
    }

    static Stream<Arguments> keysThatAreNotScalars() {
        return Stream.of(
                Arguments.of("? [a, b]\n: complex key", "a list"),
                Arguments.of("? {a: 1}\n: complex key", "a mapping"),
                Arguments.of("&k key: v\n*k : again", "an alias"));
    }

    @Test
    void shouldGiveTheSameResultForAliasBombs() {
        String bomb = "title: T\n" + URL + "big: &big \"" + "x".repeat(400_000) + "\"\ncopies: ["
                + "*big, ".repeat(499) + "*big]";
        String few = "title: T\n" + URL + "list: &l [" + ("\"" + "y".repeat(1000) + "\", ").repeat(29)
                + "\"y\"]\ncopies: [" + "*l, ".repeat(39) + "*l]";
        String scalars = "title: &t T\n" + URL + "copies: [" + "*t, ".repeat(50) + "*t]";
        StringBuilder laughs = new StringBuilder("title: lol\n" + URL + "a0: &a0 [lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(8)).append("*a").append(i - 1).append("]\n");
        }
        for (String yaml : List.of(bomb, few, scalars, laughs.toString())) {
            byte[] bytes = ("---\n" + yaml + "\n---\n").getBytes(StandardCharsets.UTF_8);
            assertThat(describe(streaming, "doc.md", bytes)).isEqualTo(describe(reference, "doc.md", bytes));
        }
    }

    private static List<String> describe(FeedDocumentParser parser, String source, byte[] bytes) {
        List<String> results = new ArrayList<>();
        for (ParseResult result : parser.parse(source, bytes, InputFormat.FRONT_MATTER)) {
            if (result instanceof ParseResult.Parsed parsed) {
                results.add("parsed " + toJson(parsed));
            } else {
                ParseResult.Rejected rejected = (ParseResult.Rejected) result;
                results.add("rejected at " + rejected.position() + ": " + rejected.reason());
            }
        }
        return results;
    }

    private static String toJson(ParseResult.Parsed parsed) {
        try {
            return Json.mapper().writeValueAsString(parsed.article());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
