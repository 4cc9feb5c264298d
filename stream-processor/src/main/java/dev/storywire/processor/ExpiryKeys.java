package dev.storywire.processor;

/**
 * Keys of the time-ordered expiry indexes ({@code <20-digit epoch millis>|<id>}): zero-padded, so that they sort by
 * time and a range scan up to a cutoff finds exactly what is older, without a scan of the whole store.
 */
public final class ExpiryKeys {

    private static final int DIGITS = 20;

    private ExpiryKeys() {
    }

    /** The key of {@code id} last active at {@code epochMillis} (negative times count as 0). */
    public static String of(long epochMillis, String id) {
        // By hand rather than String.format: it runs for every story saved.
        String millis = Long.toString(Math.max(epochMillis, 0L));
        return "0".repeat(DIGITS - millis.length()) + millis + "|" + id;
    }
}
