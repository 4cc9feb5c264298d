package dev.storywire.ingest;

/** Turns byte offsets into the {@code line:column} positions shown in rejections (both 1-based). */
final class TextPosition {

    private TextPosition() {
    }

    static String of(int line, int column) {
        return line + ":" + column;
    }

    /** Line and column of byte {@code offset}; the column counts bytes, which equals characters for ASCII lines. */
    static String ofByteOffset(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return of(line, offset - lineStart + 1);
    }
}
