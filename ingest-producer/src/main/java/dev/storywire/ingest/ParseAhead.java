package dev.storywire.ingest;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Parses files on a small thread pool ahead of the publisher, handing out the results in input order.
 *
 * <p>Parsing (YAML above all) costs far more CPU than sending, so one thread parsing while another sends leaves
 * cores idle. At most {@code window} files are parsed ahead, which bounds the memory held.
 */
final class ParseAhead implements Iterator<List<ParseResult>>, AutoCloseable {

    private final Iterator<Path> files;
    private final Function<Path, List<ParseResult>> parse;
    private final ExecutorService pool;
    private final int window;
    private final Deque<CompletableFuture<List<ParseResult>>> pending = new ArrayDeque<>();

    private ParseAhead(List<Path> files, Function<Path, List<ParseResult>> parse, int threads) {
        this.files = files.iterator();
        this.parse = parse;
        this.pool = Executors.newFixedThreadPool(threads, daemonThreads());
        // One file parsing and one waiting per thread keeps every thread busy; more only holds parsed documents
        // in memory (a feed file may hold a thousand of them).
        this.window = threads * 2;
        fill();
    }

    /** The parse results of {@code files}, file by file in their order; close the stream to stop the pool. */
    static Stream<List<ParseResult>> stream(List<Path> files, Function<Path, List<ParseResult>> parse, int threads) {
        ParseAhead ahead = new ParseAhead(files, parse, threads);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(ahead, Spliterator.ORDERED), false)
                .onClose(ahead::close);
    }

    /** Threads for parsing: every core, since the publisher's sending is cheap by comparison. */
    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public boolean hasNext() {
        return !pending.isEmpty();
    }

    @Override
    public List<ParseResult> next() {
        if (pending.isEmpty()) {
            throw new NoSuchElementException();
        }
        List<ParseResult> results = pending.removeFirst().join();
        fill();
        return results;
    }

    private void fill() {
        while (pending.size() < window && files.hasNext()) {
            Path file = files.next();
            pending.addLast(CompletableFuture.supplyAsync(() -> parse.apply(file), pool));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "storywire-parse-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
