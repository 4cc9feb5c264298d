package dev.storywire.testsupport;

import java.util.Random;

/** Made-up words for synthetic feeds: readable, letters only, and as many distinct ones as asked for. */
public final class SyntheticWords {

    private SyntheticWords() {
    }

    /**
     * A letters-only word for {@code n}, distinct for each {@code n} under one {@code prefix} (the analyzer treats
     * digits and letters alike, people read letters).
     */
    public static String word(String prefix, int n) {
        StringBuilder word = new StringBuilder(prefix);
        int value = n;
        do {
            word.append((char) ('a' + value % 26));
            value /= 26;
        } while (value > 0);
        return word.toString();
    }

    /**
     * One of {@code vocabulary} common words, Zipf-like: squaring a uniform draw favours the low ranks, so a few
     * words are in most texts and most words in few, as in real headlines.
     */
    public static String commonWord(Random random, int vocabulary) {
        double u = random.nextDouble();
        return word("co", (int) (u * u * vocabulary));
    }
}
