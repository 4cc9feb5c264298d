package dev.storywire.ingest;

import java.nio.charset.StandardCharsets;

/**
 * One document cut out of an input.
 *
 * @param raw the document's bytes as they stand in the input, delimiters included
 * @param body the YAML (or JSON) text between the delimiters
 * @param bodyFirstLine 1-based input line of the body's first line, to report positions in the input
 */
record DocumentBlock(byte[] raw, String body, int bodyFirstLine) {

    static DocumentBlock of(byte[] input, int rawStart, int rawEnd, int bodyStart, int bodyEnd, int bodyFirstLine) {
        byte[] raw = java.util.Arrays.copyOfRange(input, rawStart, rawEnd);
        String body = new String(input, bodyStart, bodyEnd - bodyStart, StandardCharsets.UTF_8);
        return new DocumentBlock(raw, body, bodyFirstLine);
    }
}
