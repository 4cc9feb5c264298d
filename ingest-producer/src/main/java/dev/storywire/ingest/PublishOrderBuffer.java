package dev.storywire.ingest;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a batch of parse results so they can be published in {@link PublishTimeOrder}, with bounded memory: results
 * are kept as they are until their estimated size reaches a budget; past it, each further result is written to a
 * temporary spool file and only its sort key and file offset stay in memory. Results come back in publish-time
 * order, each read back from the spool when its turn comes.
 *
 * <p>A result is held as its {@link ArticleRecord} (the serialised value and the few fields publishing needs) and raw
 * bytes, so nothing is decoded again to send it. Cost beyond the budget: about 100 bytes of memory per document for
 * its key, and temporary disk space of about the article JSON plus the raw document per spooled document (some
 * 16 KiB for a typical feed document), written once and read once. The spool file is deleted on {@link #close()}.
 */
final class PublishOrderBuffer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PublishOrderBuffer.class);
    /**
     * A held result beyond its byte arrays: the result and record objects, and the id, source and hash strings
     * (about 60 characters each, as UTF-16 when they hold a non-Latin-1 character).
     */
    private static final int OVERHEAD_PER_RESULT = 512;
    private static final byte PARSED = 1;
    private static final byte REJECTED = 2;

    private final long memoryBudgetBytes;
    private final Path spoolDirectory;
    private final List<Entry> entries = new ArrayList<>();
    private long heldBytes;
    private Path spoolFile;
    private OutputStream spoolOut;
    private long spoolSize;
    private FileChannel readChannel;

    /** One result's sort key, and the result itself or where it is in the spool file. */
    private record Entry(Instant publishedDateTime, String source, ParseResult held, long offset, int length) {
    }

    /**
     * @param memoryBudgetBytes estimated bytes of results kept in memory before spooling to disk
     * @param spoolDirectory where the spool file goes when needed
     */
    PublishOrderBuffer(long memoryBudgetBytes, Path spoolDirectory) {
        this.memoryBudgetBytes = memoryBudgetBytes;
        this.spoolDirectory = spoolDirectory;
    }

    /**
     * A sixteenth of the heap, at most 64 MiB, in the system's temporary directory. Small on purpose: what is held
     * survives collection after collection while the rest of the batch is parsed, whereas a spooled result is written
     * once and read back once, mostly from the page cache. With 256 MiB held in a 1 GiB heap (when held results still
     * carried the article's object graph), collection took about a third of the CPU during parsing and ingest ran
     * some 10 % slower than with 64 MiB.
     */
    static PublishOrderBuffer withDefaultBudget() {
        long budget = Math.min(64L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 16);
        return new PublishOrderBuffer(budget, Path.of(System.getProperty("java.io.tmpdir")));
    }

    void add(ParseResult result) {
        Instant published = null;
        long size = result.rawBytes().length + OVERHEAD_PER_RESULT;
        if (result instanceof ParseResult.Parsed parsed) {
            published = parsed.record().publishedDateTime();
            size += parsed.value().length;
        }
        if (heldBytes + size <= memoryBudgetBytes) {
            heldBytes += size;
            entries.add(new Entry(published, result.source(), result, -1, 0));
        } else {
            byte[] spooled = encode(result);
            entries.add(new Entry(published, result.source(), null, spoolSize, spooled.length));
            write(spooled);
        }
    }

    int size() {
        return entries.size();
    }

    /** Every result added, in publish-time order (stable: equal keys keep the order they were added in). */
    Iterator<ParseResult> inPublishOrder() {
        flushSpool();
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(PublishTimeOrder.by(Entry::publishedDateTime, Entry::source));
        FileChannel channel = openSpool();
        readChannel = channel;
        Iterator<Entry> order = sorted.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return order.hasNext();
            }

            @Override
            public ParseResult next() {
                Entry entry = order.next();
                return entry.held() != null ? entry.held() : read(channel, entry);
            }
        };
    }

    private void write(byte[] spooled) {
        try {
            if (spoolOut == null) {
                spoolFile = Files.createTempFile(spoolDirectory, "storywire-ingest-", ".spool");
                spoolOut = new BufferedOutputStream(Files.newOutputStream(spoolFile), 1 << 16);
                LOG.info("Batch larger than {} MiB in memory: spooling further documents to {} to sort them",
                        memoryBudgetBytes >> 20, spoolFile);
            }
            spoolOut.write(spooled);
            spoolSize += spooled.length;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ingest spool file " + spoolFile, e);
        }
    }

    private void flushSpool() {
        try {
            if (spoolOut != null) {
                spoolOut.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ingest spool file " + spoolFile, e);
        }
    }

    private FileChannel openSpool() {
        if (spoolFile == null) {
            return null;
        }
        try {
            return FileChannel.open(spoolFile, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ingest spool file " + spoolFile, e);
        }
    }

    private ParseResult read(FileChannel channel, Entry entry) {
        ByteBuffer buffer = ByteBuffer.allocate(entry.length());
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, entry.offset() + buffer.position()) < 0) {
                    throw new IOException("unexpected end of the spool file at " + entry.offset());
                }
            }
            return decode(buffer.array());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + entry.source() + " back from the spool file " + spoolFile,
                    e);
        }
    }

    private static byte[] encode(ParseResult result) {
        try (java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes)) {
            if (result instanceof ParseResult.Parsed parsed) {
                ArticleRecord record = parsed.record();
                out.writeByte(PARSED);
                writeString(out, record.id());
                writeString(out, record.source());
                writeString(out, record.contentHash());
                writeInstant(out, record.ingestedAt());
                out.writeBoolean(record.publishedDateTime() != null);
                if (record.publishedDateTime() != null) {
                    writeInstant(out, record.publishedDateTime());
                }
                writeBytes(out, record.value());
            } else {
                ParseResult.Rejected rejected = (ParseResult.Rejected) result;
                out.writeByte(REJECTED);
                writeString(out, rejected.source());
                writeString(out, rejected.reason());
                out.writeBoolean(rejected.position() != null);
                out.writeUTF(rejected.position() == null ? "" : rejected.position());
            }
            writeBytes(out, result.rawBytes());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory stream", e);
        }
    }

    private static ParseResult decode(byte[] spooled) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(spooled));
        byte type = in.readByte();
        if (type == PARSED) {
            String id = readString(in);
            String source = readString(in);
            String contentHash = readString(in);
            Instant ingestedAt = readInstant(in);
            Instant published = in.readBoolean() ? readInstant(in) : null;
            ArticleRecord record = new ArticleRecord(id, source, contentHash, ingestedAt, published, readBytes(in));
            return new ParseResult.Parsed(record, readBytes(in));
        }
        String source = readString(in);
        String reason = readString(in);
        boolean hasPosition = in.readBoolean();
        String position = in.readUTF();
        return new ParseResult.Rejected(source, reason, hasPosition ? position : null, readBytes(in));
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }

    @Override
    public void close() {
        try {
            if (spoolOut != null) {
                spoolOut.close();
            }
            if (readChannel != null) {
                readChannel.close();
            }
            if (spoolFile != null) {
                Files.deleteIfExists(spoolFile);
            }
        } catch (IOException e) {
            LOG.warn("Cannot delete the ingest spool file {}: {}", spoolFile, e.toString());
        }
    }
}
