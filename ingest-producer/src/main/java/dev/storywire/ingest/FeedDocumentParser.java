package dev.storywire.ingest;

import dev.storywire.model.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns input bytes into feed documents: each either {@link ParseResult.Parsed} or {@link ParseResult.Rejected}
 * with a reason. Never throws for bad input; thread-safe.
 */
public final class FeedDocumentParser {

    private static final Logger LOG = LoggerFactory.getLogger(FeedDocumentParser.class);

    /** The source name of standard input. */
    public static final String STDIN_SOURCE = "stdin";

    private final ParserLimits limits;
    private final Clock clock;
    private final FrontMatterReader yamlReader;
    private final JsonLineReader jsonReader;
    private final boolean checkEscapedTextOnly;

    public FeedDocumentParser() {
        this(ParserLimits.defaults(), Clock.systemUTC());
    }

    public FeedDocumentParser(ParserLimits limits) {
        this(limits, Clock.systemUTC());
    }

    /** @param clock gives {@link Article#ingestedAt()} */
    public FeedDocumentParser(ParserLimits limits, Clock clock) {
        this(limits, clock, new YamlDocumentReader(limits), true);
    }

    /**
     * @param checkEscapedTextOnly whether {@link StorableText} checks only documents with an escape that can make
     *     a NUL or a surrogate (false: every document, as before; the reference parser measures the old path)
     */
    FeedDocumentParser(ParserLimits limits, Clock clock, FrontMatterReader yamlReader, boolean checkEscapedTextOnly) {
        this.limits = limits;
        this.clock = clock;
        this.yamlReader = yamlReader;
        this.jsonReader = new JsonLineReader(limits);
        this.checkEscapedTextOnly = checkEscapedTextOnly;
    }

    /**
     * The parser with the previous YAML reader (SnakeYAML's node graph) in place of Jackson's streaming parser. Same
     * results, about half the speed: kept only as the reference that tests and {@code bench/ingest} compare with.
     */
    public static FeedDocumentParser snakeYamlReference(ParserLimits limits) {
        return new FeedDocumentParser(limits, Clock.systemUTC(), new SnakeYamlNodeReader(limits), false);
    }

    public ParserLimits limits() {
        return limits;
    }

    /** Parses a file; its format comes from its extension ({@link InputFormat#FRONT_MATTER} for unknown ones). */
    public List<ParseResult> parseFile(Path file) {
        return parseFile(file, InputFormat.forFileName(file).orElse(InputFormat.FRONT_MATTER));
    }

    public List<ParseResult> parseFile(Path file, InputFormat format) {
        String source = file.toString();
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                return List.of(tooLarge(source, "file", size, limits.maxFileBytes(), readPrefix(file)));
            }
            return parse(source, Files.readAllBytes(file), format);
        } catch (IOException e) {
            LOG.warn("{}: cannot read file: {}", source, e.toString());
            return List.of(new ParseResult.Rejected(source, "cannot read file: " + e, null, new byte[0]));
        }
    }

    /** Parses a stream such as standard input, reading at most {@link ParserLimits#maxFileBytes()} + 1 bytes. */
    public List<ParseResult> parseStream(InputStream in, String source, InputFormat format) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
            if (bytes.length > limits.maxFileBytes()) {
                return List.of(tooLarge(source, "input", bytes.length, limits.maxFileBytes(), bytes));
            }
            return parse(source, bytes, format);
        } catch (IOException e) {
            LOG.warn("{}: cannot read input: {}", source, e.toString());
            return List.of(new ParseResult.Rejected(source, "cannot read input: " + e, null, new byte[0]));
        }
    }

    /** Parses the bytes of one input holding one or more documents. */
    public List<ParseResult> parse(String source, byte[] bytes, InputFormat format) {
        if (format == InputFormat.JSON_LINES) {
            return parseJsonLines(source, bytes);
        }
        try {
            checkText(bytes);
            List<DocumentBlock> blocks = format == InputFormat.YAML
                    ? DocumentSplitter.yamlStream(bytes)
                    : DocumentSplitter.frontMatter(bytes);
            List<ParseResult> results = new ArrayList<>(blocks.size());
            for (DocumentBlock block : blocks) {
                results.add(parseYamlBlock(source, block));
            }
            return results;
        } catch (DocumentRejectedException e) {
            return List.of(rejected(source, e, bytes));
        }
    }

    private ParseResult parseYamlBlock(String source, DocumentBlock block) {
        try {
            checkDocumentSize(block.raw().length);
            FrontMatterReader.YamlDocument document = yamlReader.read(block);
            if (!checkEscapedTextOnly || StorableText.mayHoldEscapedNulOrSurrogate(block.body())) {
                StorableText.check(document.fields(), document);
            }
            return parsed(source, document.fields(), document, block.raw());
        } catch (DocumentRejectedException e) {
            return rejected(source, e, block.raw());
        }
    }

    private List<ParseResult> parseJsonLines(String fileSource, byte[] bytes) {
        List<ParseResult> results = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNumber++;
            byte[] line = java.util.Arrays.copyOfRange(bytes, start, end);
            start = end + 1;
            if (StrictText.isBlank(line)) {
                continue;
            }
            String source = fileSource + ":" + lineNumber;
            try {
                checkDocumentSize(line.length);
                String text = StrictText.decode(line);
                Map<String, Object> fields = jsonReader.read(text, lineNumber);
                StorableText.check(fields, FieldLocator.NONE);
                results.add(parsed(source, fields, FieldLocator.NONE, line));
            } catch (DocumentRejectedException e) {
                results.add(rejected(source, e, line));
            }
        }
        if (results.isEmpty()) {
            results.add(rejected(fileSource, new DocumentRejectedException("empty file: no JSON Lines"), bytes));
        }
        return results;
    }

    private ParseResult parsed(String source, Map<String, Object> fields, FieldLocator locator, byte[] raw)
            throws DocumentRejectedException {
        Article article = ArticleMapper.toArticle(fields, locator, source, raw, clock.instant());
        LOG.debug("{}: parsed article {}", source, article.id());
        try {
            return new ParseResult.Parsed(article, raw);
        } catch (RuntimeException e) {
            throw new DocumentRejectedException("cannot serialise the article as JSON: " + e);
        }
    }

    private static ParseResult.Rejected rejected(String source, DocumentRejectedException e, byte[] raw) {
        LOG.warn("{}: rejected{}: {}", source, e.position() == null ? "" : " at " + e.position(), e.reason());
        return new ParseResult.Rejected(source, e.reason(), e.position(), raw);
    }

    private static void checkText(byte[] bytes) throws DocumentRejectedException {
        int contentStart = DocumentSplitter.startsWithBom(bytes) ? 3 : 0;
        if (bytes.length == contentStart) {
            throw new DocumentRejectedException("empty file: 0 bytes");
        }
        StrictText.check(bytes);
    }

    private void checkDocumentSize(int size) throws DocumentRejectedException {
        if (size > limits.maxDocumentBytes()) {
            throw new DocumentRejectedException("document too large: " + size + " bytes, over the limit of "
                    + limits.maxDocumentBytes() + " bytes");
        }
    }

    private static ParseResult.Rejected tooLarge(String source, String what, long size, long limit, byte[] prefix) {
        String reason = what + " too large: " + size + " bytes, over the limit of " + limit
                + " bytes (the dead-letter record keeps the first " + ParseResult.Rejected.MAX_DLQ_BYTES + " bytes)";
        LOG.warn("{}: rejected: {}", source, reason);
        return new ParseResult.Rejected(source, reason, null, prefix);
    }

    private static byte[] readPrefix(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(ParseResult.Rejected.MAX_DLQ_BYTES);
        }
    }
}
