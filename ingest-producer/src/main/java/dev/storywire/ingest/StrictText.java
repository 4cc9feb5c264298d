package dev.storywire.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Checks that input is text: no NUL bytes and strictly valid UTF-8 (no silent replacement characters). */
final class StrictText {

    private StrictText() {
    }

    /**
     * Decodes {@code bytes} as UTF-8, dropping a leading byte order mark.
     *
     * @throws DocumentRejectedException for NUL bytes (binary files) or malformed UTF-8, naming the byte offset
     */
    static String decode(byte[] bytes) throws DocumentRejectedException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new DocumentRejectedException(
                        "binary content: NUL byte at byte offset " + i + "; a feed document must be UTF-8 text",
                        TextPosition.ofByteOffset(bytes, i));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
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
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
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
