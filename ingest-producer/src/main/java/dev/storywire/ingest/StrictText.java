package dev.storywire.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Checks that input is text: no NUL bytes and strictly valid UTF-8 (no silent replacement characters). */
final class StrictText {

    private static final float UTF8_CHARS_PER_BYTE = StandardCharsets.UTF_8.newDecoder().maxCharsPerByte();
    /** Room for the characters of a check's decoding; refilled as often as needed, so any size works. */
    private static final int CHECK_BUFFER_CHARS = 8192;

    private StrictText() {
    }

    /**
     * Decodes {@code bytes} as UTF-8, dropping a leading byte order mark.
     *
     * @throws DocumentRejectedException for NUL bytes (binary files) or malformed UTF-8, naming the byte offset
     */
    static String decode(byte[] bytes) throws DocumentRejectedException {
        CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) UTF8_CHARS_PER_BYTE) + 1);
        checkNoNul(bytes);
        decodeStrictly(bytes, out, false);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Checks what {@link #decode} checks without keeping the text: the decoded characters go through a small buffer.
     *
     * @throws DocumentRejectedException for NUL bytes (binary files) or malformed UTF-8, naming the byte offset
     */
    static void check(byte[] bytes) throws DocumentRejectedException {
        checkNoNul(bytes);
        decodeStrictly(bytes, CharBuffer.allocate(CHECK_BUFFER_CHARS), true);
    }

    private static void checkNoNul(byte[] bytes) throws DocumentRejectedException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new DocumentRejectedException(
                        "binary content: NUL byte at byte offset " + i + "; a feed document must be UTF-8 text",
                        TextPosition.ofByteOffset(bytes, i));
            }
        }
    }

    /** Decodes into {@code out}; when {@code reuseOut}, an {@code out} that fills up is emptied and decoding goes on. */
    private static void decodeStrictly(byte[] bytes, CharBuffer out, boolean reuseOut)
            throws DocumentRejectedException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, out, true);
        while (reuseOut && result.isOverflow()) {
            out.clear();
            result = decoder.decode(in, out, true);
        }
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new DocumentRejectedException(String.format(
                    "not valid UTF-8: malformed byte sequence 0x%02X at byte offset %d",
                    bytes[Math.min(offset, bytes.length - 1)] & 0xFF, offset),
                    TextPosition.ofByteOffset(bytes, offset));
        }
    }

    /** Whether {@code text} holds nothing but whitespace. */
    static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
