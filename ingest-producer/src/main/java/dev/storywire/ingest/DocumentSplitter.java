package dev.storywire.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts validated UTF-8 input into documents at {@code ---} delimiter lines.
 *
 * <p>Front matter: the first non-blank line must be {@code ---}; the block runs to the next {@code ---} line. After a
 * closed block, text is ignored (a Markdown body) until the next {@code ---} line, which opens another document if a
 * closing {@code ---} follows; an unclosed {@code ---} in a body (a Markdown rule) is body text.
 *
 * <p>YAML stream: every {@code ---} line separates documents; blank stretches are not documents.
 */
final class DocumentSplitter {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private DocumentSplitter() {
    }

    /** A line of the input as byte offsets: {@code [start, end)} without the line break, {@code next} after it. */
    private record Line(int number, int start, int end, int next) {
    }

    static List<DocumentBlock> frontMatter(byte[] input) throws DocumentRejectedException {
        List<Line> lines = lines(input);
        int i = 0;
        while (i < lines.size() && isBlank(input, lines.get(i))) {
            i++;
        }
        if (i == lines.size()) {
            throw new DocumentRejectedException("empty file: nothing but whitespace");
        }
        if (!isDelimiter(input, lines.get(i))) {
            throw new DocumentRejectedException(
                    "no front matter: the first non-blank line is not '---' (a feed document is YAML between '---' lines)",
                    TextPosition.of(lines.get(i).number(), 1));
        }
        List<DocumentBlock> blocks = new ArrayList<>();
        while (i < lines.size()) {
            Line open = lines.get(i);
            int close = nextDelimiter(input, lines, i + 1);
            if (close < 0) {
                if (blocks.isEmpty()) {
                    throw new DocumentRejectedException(
                            "no front matter: the '---' on line " + open.number() + " is never closed by a '---' line",
                            TextPosition.of(open.number(), 1));
                }
                break; // an unclosed '---' after the first document is a Markdown rule in the body
            }
            Line closing = lines.get(close);
            int bodyStart = open.next();
            int bodyEnd = closing.start();
            blocks.add(DocumentBlock.of(input, open.start(), closing.next(), bodyStart, bodyEnd, open.number() + 1));
            i = nextDelimiter(input, lines, close + 1);
            if (i < 0) {
                break;
            }
        }
        return blocks;
    }

    static List<DocumentBlock> yamlStream(byte[] input) throws DocumentRejectedException {
        List<Line> lines = lines(input);
        List<DocumentBlock> blocks = new ArrayList<>();
        int segmentStart = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || isDelimiter(input, lines.get(i))) {
                addSegment(input, lines, segmentStart, i, blocks);
                segmentStart = i + 1;
            }
        }
        if (blocks.isEmpty()) {
            throw new DocumentRejectedException("empty file: no YAML document, only '---' lines and whitespace");
        }
        return blocks;
    }

    private static void addSegment(byte[] input, List<Line> lines, int from, int to, List<DocumentBlock> blocks) {
        boolean blank = true;
        for (int i = from; i < to; i++) {
            blank &= isBlank(input, lines.get(i));
        }
        if (blank) {
            return;
        }
        int start = lines.get(from).start();
        int end = lines.get(to - 1).next();
        blocks.add(DocumentBlock.of(input, start, end, start, end, lines.get(from).number()));
    }

    private static int nextDelimiter(byte[] input, List<Line> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (isDelimiter(input, lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<Line> lines(byte[] input) {
        List<Line> lines = new ArrayList<>();
        int start = startsWithBom(input) ? BOM.length : 0;
        int number = 1;
        while (start < input.length) {
            int end = start;
            while (end < input.length && input[end] != '\n') {
                end++;
            }
            int next = Math.min(end + 1, input.length);
            int contentEnd = end > start && input[end - 1] == '\r' ? end - 1 : end;
            lines.add(new Line(number++, start, contentEnd, next));
            start = next;
        }
        return lines;
    }

    /** {@code ---} alone on its line; trailing blanks are tolerated (editors leave them). */
    private static boolean isDelimiter(byte[] input, Line line) {
        int length = line.end() - line.start();
        if (length < 3 || input[line.start()] != '-' || input[line.start() + 1] != '-' || input[line.start() + 2] != '-') {
            return false;
        }
        for (int i = line.start() + 3; i < line.end(); i++) {
            if (input[i] != ' ' && input[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte[] input, Line line) {
        for (int i = line.start(); i < line.end(); i++) {
            if (input[i] != ' ' && input[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    static boolean startsWithBom(byte[] input) {
        return input.length >= 3 && input[0] == BOM[0] && input[1] == BOM[1] && input[2] == BOM[2];
    }
}
