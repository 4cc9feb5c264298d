package dev.storywire.serve.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.serve.StoryQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
    private static final int MAX_BATCH = 500;

    /** What a session needs from the server. */
    public record Settings(StoryChangeHub hub, Map<String, Object> consumerConfig, String topic, long heartbeatMs,
            int bufferSize, Function<Story, ObjectNode> summary) {
    }

    private final Settings settings;
    private final StoryQuery query;
    private final Optional<StreamPosition> resumeFrom;
    private final BlockingQueue<ChangeEvent> live;
    private final Map<Integer, Long> cursor = new TreeMap<>();
    private volatile boolean overflowed;
    private volatile boolean closed;
    private long lastWriteNanos = System.nanoTime();

    public StreamSession(Settings settings, StoryQuery query, Optional<StreamPosition> resumeFrom) {
        this.settings = settings;
        this.query = query;
        this.resumeFrom = resumeFrom;
        this.live = new ArrayBlockingQueue<>(settings.bufferSize());
    }

    @Override
    public void offer(ChangeEvent event) {
        if (!live.offer(event)) {
            overflowed = true;
        }
    }

    /** Stops the session soon (server shutdown). */
    public void close() {
        closed = true;
    }

    /** Writes events to {@code out} until the client goes, the server closes or the client falls too far behind. */
    public void run(OutputStream out) {
        StreamPosition joined = settings.hub().subscribe(this);
        try {
            cursor.putAll(joined.nextOffsets());
            writeRaw(out, ": storywire stream from " + joined.format() + "\n\n");
            if (resumeFrom.isPresent()) {
                joined.nextOffsets().keySet().forEach(p -> cursor.put(p, resumeFrom.get().nextOffsets().getOrDefault(p,
                        0L)));
                ChangeReplay.replay(settings.consumerConfig(), settings.topic(), new StreamPosition(cursor), joined,
                        new HashMap<>(), change -> handleUnchecked(out, ChangeEvent.render(change, settings.summary())),
                        () -> !closed);
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
            if (overflowed) {
                log.info("Stream client fell more than {} changes behind at {}; closing so it resumes from its last "
                        + "event id", settings.bufferSize(), cursor);
                return;
            }
            ChangeEvent first = live.poll(Math.min(settings.heartbeatMs(), 500), TimeUnit.MILLISECONDS);
            if (first != null) {
                // Everything already queued goes out in one write and one flush: a busy topic costs a client one
                // system call per batch, not per change.
                List<ChangeEvent> batch = new ArrayList<>(List.of(first));
                live.drainTo(batch, MAX_BATCH);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(batch.size() * 512);
                batch.forEach(event -> append(bytes, event));
                if (bytes.size() > 0) {
                    writeRaw(out, bytes);
                }
            }
            if (System.nanoTime() - lastWriteNanos >= heartbeatNanos) {
                writeRaw(out, ": heartbeat\n\n");
            }
        }
    }

    private void handleUnchecked(OutputStream out, ChangeEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        append(bytes, event);
        if (bytes.size() > 0) {
            try {
                writeRaw(out, bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Advances the cursor over the change and appends its event when the filters pass it. */
    private void append(ByteArrayOutputStream bytes, ChangeEvent event) {
        StoryChange change = event.change();
        long next = cursor.getOrDefault(change.partition(), 0L);
        if (change.offset() < next) {
            return; // already delivered before a resume: the client is ahead of this instance's hub on this partition
        }
        cursor.put(change.partition(), change.offset() + 1);
        if (change.story() != null && !query.matches(change.story())) {
            return;
        }
        bytes.writeBytes(idLine());
        bytes.writeBytes(event.body());
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

    private void writeRaw(OutputStream out, ByteArrayOutputStream bytes) throws IOException {
        bytes.writeTo(out);
        out.flush();
        lastWriteNanos = System.nanoTime();
    }

    private void writeRaw(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        lastWriteNanos = System.nanoTime();
    }
}
