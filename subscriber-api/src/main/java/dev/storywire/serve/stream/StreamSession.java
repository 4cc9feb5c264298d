package dev.storywire.serve.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.serve.StoryQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import dev.storywire.model.Story;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code /api/stream} client: replays from its {@code Last-Event-ID} up to where the hub was when it joined,
 * then writes the hub's live changes. Its cursor (next offset per partition) advances over every change, also the
 * ones its filters drop, and each event's id is the cursor after it: no gap and no duplicate on resume.
 */
public final class StreamSession implements StoryChangeHub.Subscriber {

    private static final Logger log = LoggerFactory.getLogger(StreamSession.class);
    private static final int PENDING_INITIAL = 8 * 1024;
    private static final int PENDING_KEPT = 256 * 1024;

    /** What a session needs from the server. */
    public record Settings(StoryChangeHub hub, Map<String, Object> consumerConfig, String topic, long heartbeatMs,
            int bufferSize, Function<Story, ObjectNode> summary) {
    }

    private final Settings settings;
    private final StoryQuery query;
    private final Optional<StreamPosition> resumeFrom;
    private final ClientQueue live;
    private final Map<Integer, Long> cursor = new TreeMap<>();
    /** Reused for every write: the events of one batch go out in one write and one flush. */
    private ByteArrayOutputStream pending = new ByteArrayOutputStream(PENDING_INITIAL);
    private volatile boolean closed;
    private long lastWriteNanos = System.nanoTime();

    public StreamSession(Settings settings, StoryQuery query, Optional<StreamPosition> resumeFrom) {
        this.settings = settings;
        this.query = query;
        this.resumeFrom = resumeFrom;
        this.live = new ClientQueue(settings.bufferSize());
    }

    @Override
    public void offer(List<ChangeEvent> batch) {
        live.offer(batch);
    }

    /** Stops the session soon (server shutdown). */
    public void close() {
        closed = true;
        live.close();
    }

    /** Writes events to {@code out} until the client goes, the server closes or the client falls too far behind. */
    public void run(OutputStream out) {
        StreamPosition joined = settings.hub().subscribe(this);
        try {
            cursor.putAll(joined.nextOffsets());
            writeText(out, ": storywire stream from " + joined.format() + "\n\n");
            if (resumeFrom.isPresent()) {
                joined.nextOffsets().keySet().forEach(p -> cursor.put(p, resumeFrom.get().nextOffsets().getOrDefault(p,
                        0L)));
                ChangeReplay.replay(settings.consumerConfig(), settings.topic(), new StreamPosition(cursor), joined,
                        new HashMap<>(), changes -> writeReplayed(out, changes), () -> !closed);
            }
            followLive(out);
        } catch (IOException | java.io.UncheckedIOException e) {
            log.debug("Stream client gone: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Stream session ended at {}: {}", cursor, e.toString(), e);
        } finally {
            settings.hub().unsubscribe(this);
        }
    }

    private void followLive(OutputStream out) throws IOException, InterruptedException {
        long heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(settings.heartbeatMs());
        while (!closed) {
            List<ChangeEvent> batch = live.takeAll(Math.min(settings.heartbeatMs(), 500));
            if (live.overflowed()) {
                disconnectBehind(out);
                return;
            }
            // Everything pending goes out in one write and one flush: a busy topic costs a client one system call
            // per batch, not per change.
            for (ChangeEvent event : batch) {
                append(event);
            }
            writePending(out);
            if (System.nanoTime() - lastWriteNanos >= heartbeatNanos) {
                writeText(out, ": heartbeat\n\n");
            }
        }
    }

    /**
     * Ends the stream of a client that fell more than the buffer behind, so it cannot hold the others back or grow
     * the server's memory; the comment says why, and the client resumes from its last event id without a gap.
     */
    private void disconnectBehind(OutputStream out) throws IOException {
        log.info("Stream client fell more than {} changes behind at {}; closing so it resumes from its last event id",
                settings.bufferSize(), cursor);
        writeText(out, ": closing: this client fell more than " + settings.bufferSize() + " changes behind; reconnect "
                + "with Last-Event-ID to resume without a gap\n\n");
    }

    private void writeReplayed(OutputStream out, List<StoryChange> changes) {
        for (StoryChange change : changes) {
            append(ChangeEvent.render(change, settings.summary()));
        }
        try {
            writePending(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Advances the cursor over the change and adds its event to the pending bytes when the filters pass it. */
    private void append(ChangeEvent event) {
        StoryChange change = event.change();
        long next = cursor.getOrDefault(change.partition(), 0L);
        if (change.offset() < next) {
            return; // already delivered before a resume: the client is ahead of this instance's hub on this partition
        }
        cursor.put(change.partition(), change.offset() + 1);
        if (change.story() != null && !query.matches(change.story())) {
            return;
        }
        pending.writeBytes(idLine());
        pending.writeBytes(event.body());
    }

    /** {@code id: <cursor>} in the {@link StreamPosition} text form, without building a position object. */
    private byte[] idLine() {
        StringBuilder line = new StringBuilder(16 + cursor.size() * 12).append("id: ");
        boolean first = true;
        for (Map.Entry<Integer, Long> entry : cursor.entrySet()) {
            if (!first) {
                line.append(',');
            }
            line.append(entry.getKey()).append(':').append(entry.getValue());
            first = false;
        }
        return line.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void writePending(OutputStream out) throws IOException {
        if (pending.size() == 0) {
            return;
        }
        pending.writeTo(out);
        out.flush();
        lastWriteNanos = System.nanoTime();
        if (pending.size() > PENDING_KEPT) {
            pending = new ByteArrayOutputStream(PENDING_INITIAL); // a replay or a burst grew it: do not keep megabytes
        } else {
            pending.reset();
        }
    }

    private void writeText(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        lastWriteNanos = System.nanoTime();
    }
}
