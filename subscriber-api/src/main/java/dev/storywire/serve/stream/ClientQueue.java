package dev.storywire.serve.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The changes waiting for one stream client. The hub adds each poll's changes as one batch and never waits; the
 * client's writer takes everything pending at once, so it wakes once per batch, not once per change, and writes and
 * flushes once. Bounded: a batch that does not fit marks the queue overflowed and drops what is pending (the client
 * is then disconnected and resumes from its last event id, so nothing is lost).
 */
final class ClientQueue {

    private final int capacity;
    private List<ChangeEvent> pending = new ArrayList<>();
    private boolean overflowed;
    private boolean closed;
    private boolean writerWaiting;

    ClientQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a batch; false when the client is too far behind (the queue stays overflowed) or closed. */
    synchronized boolean offer(List<ChangeEvent> batch) {
        if (overflowed || closed) {
            return false;
        }
        if (pending.size() + batch.size() > capacity) {
            overflowed = true;
            pending = new ArrayList<>();
            notify();
            return false;
        }
        pending.addAll(batch);
        if (writerWaiting) {
            notify();
        }
        return true;
    }

    /**
     * Everything pending, waiting up to {@code timeoutMs} for something when nothing is; empty on timeout, overflow
     * or close.
     */
    synchronized List<ChangeEvent> takeAll(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (pending.isEmpty() && !overflowed && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            writerWaiting = true;
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } finally {
                writerWaiting = false;
            }
        }
        if (pending.isEmpty()) {
            return List.of();
        }
        List<ChangeEvent> taken = pending;
        pending = new ArrayList<>(Math.max(16, taken.size()));
        return taken;
    }

    synchronized boolean overflowed() {
        return overflowed;
    }

    /** Wakes the writer and refuses further changes. */
    synchronized void close() {
        closed = true;
        notify();
    }
}
