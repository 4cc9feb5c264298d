package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StrictTextTest {

    @Test
    void shouldAcceptWhatTheJdksStrictDecoderAcceptsAndNothingElse() {
        Random random = new Random(23);
        for (int round = 0; round < 200_000; round++) {
            byte[] bytes = randomBytes(random);

            assertThat(StrictText.isWellFormed(bytes)).as("bytes %s", hex(bytes))
                    .isEqualTo(jdkAccepts(bytes) && !containsNul(bytes));
        }
    }

    @Test
    void shouldAcceptEveryCodePointEncodedByTheJdk() {
        for (int codePoint = 1; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                continue;
            }
            byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
            assertThat(StrictText.isWellFormed(bytes)).as("U+%X", codePoint).isTrue();
        }
    }

    @Test
    void shouldRejectOverlongFormsSurrogatesAndCodePointsPastTheLast() {
        for (String bad : new String[] {"C0 80", "E0 80 80", "F0 80 80 80", "ED A0 80", "F4 90 80 80", "F5 80 80 80",
                "80", "E2 82", "00"}) {
            assertThat(StrictText.isWellFormed(bytes(bad))).as(bad).isFalse();
        }
    }

    @Test
    void shouldNameTheOffsetOfTheFirstBadByte() {
        byte[] bytes = bytes("61 62 E2 82 AC 63 E9 64");

        assertThatThrownBy(() -> StrictText.check(bytes)).isInstanceOfSatisfying(DocumentRejectedException.class,
                e -> assertThat(e.reason())
                        .isEqualTo("not valid UTF-8: malformed byte sequence 0xE9 at byte offset 6"));
    }

    /** Short arrays over the bytes that matter: ASCII, NUL, continuation bytes and every kind of lead byte. */
    private static byte[] randomBytes(Random random) {
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
            0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
        byte[] bytes = new byte[1 + random.nextInt(6)];
        for (int i = 0; i < bytes.length; i++) {
            int pick = random.nextInt(4) == 0 ? random.nextInt(256) : interesting[random.nextInt(interesting.length)];
            bytes[i] = (byte) pick;
        }
        return bytes;
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(String hex) {
        String[] parts = hex.split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X ", b & 0xFF));
        }
        return text.toString().trim();
    }
}
