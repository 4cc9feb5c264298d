package dev.storywire.app.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The orders {@code storywire eval --orders N} runs a labelled window in: as {@code run} delivers it (publish-time
 * order), file order, reversed file order, then N-3 shuffles with the fixed seeds 1, 2, ... (so a rerun publishes
 * the same orders). With fewer than three orders the first ones of that list are taken.
 */
public final class ArrivalOrders {

    private ArrivalOrders() {
    }

    /**
     * @param fileOrder the window's files as a directory listing gives them (sorted by path)
     * @param publishTimeOrder the order {@code run} publishes a batch in
     * @param count how many orders, at least 1
     */
    public static List<ArrivalOrder> of(List<Path> fileOrder, Comparator<Path> publishTimeOrder, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("--orders must be at least 1, got " + count);
        }
        List<ArrivalOrder> orders = new ArrayList<>();
        List<Path> byPublishTime = new ArrayList<>(fileOrder);
        byPublishTime.sort(publishTimeOrder);
        orders.add(new ArrivalOrder(ArrivalOrder.Kind.AS_RUN_DELIVERS_IT, 0, byPublishTime));
        if (count >= 2) {
            orders.add(new ArrivalOrder(ArrivalOrder.Kind.FILE_ORDER, 0, fileOrder));
        }
        if (count >= 3) {
            List<Path> reversed = new ArrayList<>(fileOrder);
            Collections.reverse(reversed);
            orders.add(new ArrivalOrder(ArrivalOrder.Kind.REVERSED, 0, reversed));
        }
        for (long seed = 1; orders.size() < count; seed++) {
            orders.add(new ArrivalOrder(ArrivalOrder.Kind.SHUFFLED, seed, shuffled(fileOrder, seed)));
        }
        return orders;
    }

    /** {@code java.util.Random} is specified bit for bit, so a seed gives the same order on every JVM. */
    private static List<Path> shuffled(List<Path> files, long seed) {
        List<Path> shuffled = new ArrayList<>(files);
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled;
    }
}
