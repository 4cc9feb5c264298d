package dev.storywire.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Checks that input is text: no NUL bytes and strictly valid UTF-8 (no silent replacement characters). */
final class StrictText {

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
        check(bytes);
        // Checked above, so the lenient decoder has nothing to replace.
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Checks what {@link #decode} checks without keeping the text. Valid input is recognised by one pass over the
     * bytes ({@link #isWellFormed}), without decoding; only input that fails it is decoded, through a small buffer,
     * for the JDK decoder's verdict and the offset of the first bad byte.
     *
     * @throws DocumentRejectedException for NUL bytes (binary files) or malformed UTF-8, naming the byte offset
     */
    static void check(byte[] bytes) throws DocumentRejectedException {
        if (isWellFormed(bytes)) {
            return;
        }
        checkNoNul(bytes);
        decodeStrictly(bytes);
    }

    /**
     * Whether {@code bytes} is well-formed UTF-8 without NUL bytes: each sequence one of the well-formed byte
     * sequences of the Unicode Standard (Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF),
     * which is exactly what a strict UTF-8 decoder accepts.
     */
    static boolean isWellFormed(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                if (lead == 0) {
                    return false;
                }
                i++;
                continue;
            }
            int length = sequenceLength(lead);
            if (length == 0 || i + length > bytes.length || !validSecondByte(lead, bytes[i + 1] & 0xFF)) {
                return false;
            }
            for (int k = 2; k < length; k++) {
                if (!isContinuation(bytes[i + k] & 0xFF)) {
                    return false;
                }
            }
            i += length;
        }
        return true;
    }

    /** Bytes in the sequence a lead byte starts; 0 for a byte that cannot lead one. */
    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;
    }

    /**
     * The second byte's range depends on the lead: it rules out overlong forms, surrogates and code points past
     * U+10FFFF.
     */
    private static boolean validSecondByte(int lead, int second) {
        return switch (lead) {
            case 0xE0 -> second >= 0xA0 && second <= 0xBF;
            case 0xED -> second >= 0x80 && second <= 0x9F;
            case 0xF0 -> second >= 0x90 && second <= 0xBF;
            case 0xF4 -> second >= 0x80 && second <= 0x8F;
            default -> isContinuation(second);
        };
    }

    private static boolean isContinuation(int b) {
        return b >= 0x80 && b <= 0xBF;
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

    /** Decodes through a small buffer, emptied whenever it fills, for the verdict and the offset of a bad byte. */
    private static void decodeStrictly(byte[] bytes) throws DocumentRejectedException {
        CharBuffer out = CharBuffer.allocate(CHECK_BUFFER_CHARS);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, out, true);
        while (result.isOverflow()) {
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
