package dev.storywire.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's stream clients, made cheap so they measure the server rather than themselves: every connection
 * lives on one selector thread, the HTTP/1.1 chunked body is de-chunked in place and each {@code data:} line only
 * yields its story record's (partition, offset), read from the line's end, with the time its bytes were read. No
 * thread, no decoding to characters and no JSON parsing per client or event.
 */
final class SseReceivers implements AutoCloseable {

    private final Selector selector;
    private final Thread thread;
    private final List<Receiver> receivers = new ArrayList<>();
    private final ConcurrentLinkedQueue<Receiver> toConnect = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
    private volatile boolean running = true;

    private SseReceivers() throws IOException {
        selector = Selector.open();
        thread = new Thread(this::loop, "bench-sse-receivers");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens {@code count} streams of {@code GET path} and waits until each got the server's first comment. */
    static SseReceivers connect(InetSocketAddress server, String path, int count, long timeoutSeconds)
            throws IOException, InterruptedException {
        SseReceivers all = new SseReceivers();
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            Receiver receiver = new Receiver(server, request);
            all.receivers.add(receiver);
            all.toConnect.add(receiver);
        }
        all.selector.wakeup();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (Receiver receiver : all.receivers) {
            long left = deadline - System.nanoTime();
            if (!receiver.connected.await(Math.max(1, left), TimeUnit.NANOSECONDS)) {
                all.close();
                throw new IllegalStateException("a stream client did not connect: " + receiver.failure);
            }
        }
        return all;
    }

    List<Receiver> receivers() {
        return receivers;
    }

    private void loop() {
        try {
            while (running) {
                selector.select(100);
                for (Receiver receiver; (receiver = toConnect.poll()) != null; ) {
                    receiver.open(selector);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Receiver receiver = (Receiver) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            receiver.finishConnect(key);
                        } else if (key.isReadable()) {
                            receiver.read(key, buffer);
                        }
                    } catch (IOException | RuntimeException e) {
                        receiver.fail(key, e.toString());
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            receivers.forEach(r -> r.failure = "selector failed: " + e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** One stream: receipt time per (partition, offset) of every event, in arrival order. */
    static final class Receiver {

        private enum State { HEADERS, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, BODY, DONE }

        private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
        private static final int TAIL = 64;

        final CountDownLatch connected = new CountDownLatch(1);
        private final InetSocketAddress server;
        private final byte[] request;
        // written by the selector thread, read once it stopped
        private long[] keys = new long[4096];
        private long[] times = new long[4096];
        private volatile int count;
        /** Why the stream ended early (null while it runs). */
        volatile String failure;
        /** A comment the server sent before closing, e.g. that the client fell too far behind. */
        volatile String closingComment;

        private State state = State.HEADERS;
        private final StringBuilder headers = new StringBuilder();
        private final StringBuilder chunkLine = new StringBuilder();
        private long chunkLeft;
        private int chunkEndLeft;
        // the current line of the event stream: its length, its first bytes and its last TAIL bytes
        private int lineLength;
        private final byte[] head = new byte[DATA.length];
        private final byte[] tail = new byte[TAIL];
        private final StringBuilder comment = new StringBuilder();

        private Receiver(InetSocketAddress server, byte[] request) {
            this.server = server;
            this.request = request;
        }

        int count() {
            return count;
        }

        long key(int i) {
            return keys[i];
        }

        long time(int i) {
            return times[i];
        }

        private void open(Selector selector) {
            try {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                if (channel.connect(server)) {
                    channel.write(ByteBuffer.wrap(request));
                    channel.register(selector, SelectionKey.OP_READ, this);
                } else {
                    channel.register(selector, SelectionKey.OP_CONNECT, this);
                }
            } catch (IOException e) {
                failure = "connect failed: " + e;
            }
        }

        private void finishConnect(SelectionKey key) throws IOException {
            SocketChannel channel = (SocketChannel) key.channel();
            channel.finishConnect();
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                channel.write(out); // a hundred bytes into an empty socket buffer
            }
            key.interestOps(SelectionKey.OP_READ);
        }

        private void fail(SelectionKey key, String reason) {
            if (failure == null) {
                failure = reason;
            }
            key.cancel();
            try {
                key.channel().close();
            } catch (IOException e) {
                // closing anyway
            }
        }

        private void read(SelectionKey key, ByteBuffer buffer) throws IOException {
            buffer.clear();
            int n = ((SocketChannel) key.channel()).read(buffer);
            if (n < 0) {
                fail(key, "closed by the server" + (closingComment == null ? "" : ": " + closingComment));
                return;
            }
            long now = System.nanoTime();
            byte[] bytes = buffer.array();
            int i = 0;
            while (i < n) {
                switch (state) {
                    case HEADERS -> i = readHeaders(bytes, i, n);
                    case CHUNK_SIZE -> i = readChunkSize(bytes, i, n);
                    case CHUNK_DATA -> {
                        int take = (int) Math.min(chunkLeft, n - i);
                        body(bytes, i, i + take, now);
                        chunkLeft -= take;
                        i += take;
                        if (chunkLeft == 0) {
                            state = State.CHUNK_END;
                            chunkEndLeft = 2;
                        }
                    }
                    case CHUNK_END -> {
                        i++; // CR LF after the chunk's data
                        if (--chunkEndLeft == 0) {
                            state = State.CHUNK_SIZE;
                        }
                    }
                    case BODY -> {
                        body(bytes, i, n, now);
                        i = n;
                    }
                    case DONE -> i = n;
                }
            }
        }

        private int readHeaders(byte[] bytes, int from, int to) {
            int i = from;
            while (i < to) {
                headers.append((char) bytes[i++]);
                int length = headers.length();
                if (length >= 4 && headers.charAt(length - 1) == '\n' && headers.charAt(length - 3) == '\n') {
                    String text = headers.toString();
                    if (!text.startsWith("HTTP/1.1 200")) {
                        throw new IllegalStateException("stream answered " + text.lines().findFirst().orElse(""));
                    }
                    state = text.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked") ? State.CHUNK_SIZE
                            : State.BODY;
                    return i;
                }
            }
            return i;
        }

        private int readChunkSize(byte[] bytes, int from, int to) {
            int i = from;
            while (i < to) {
                byte b = bytes[i++];
                if (b != '\n') {
                    chunkLine.append((char) b);
                    continue;
                }
                String line = chunkLine.toString();
                chunkLine.setLength(0);
                int extension = line.indexOf(';');
                chunkLeft = Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
                state = chunkLeft == 0 ? State.DONE : State.CHUNK_DATA; // a zero chunk: the server ended the stream
                return i;
            }
            return i;
        }

        /**
         * Event-stream bytes: finds the line ends and keeps of each line only its length, its first bytes and its
         * last {@code TAIL} bytes (a data line's position is at its end).
         */
        private void body(byte[] bytes, int from, int to, long now) {
            int start = from;
            while (start < to) {
                int end = start;
                while (end < to && bytes[end] != '\n') {
                    end++;
                }
                linePart(bytes, start, end);
                if (end == to) {
                    return; // the line continues in the next read
                }
                endLine(now);
                lineLength = 0;
                start = end + 1;
            }
        }

        private void linePart(byte[] bytes, int from, int to) {
            for (int i = from; i < to && lineLength + (i - from) < head.length; i++) {
                head[lineLength + (i - from)] = bytes[i];
            }
            if (head[0] == ':' && lineLength < 200) {
                for (int i = from; i < to && comment.length() < 200; i++) {
                    comment.append((char) bytes[i]);
                }
            }
            for (int i = Math.max(from, to - TAIL); i < to; i++) {
                tail[(lineLength + (i - from)) % TAIL] = bytes[i];
            }
            lineLength += to - from;
        }

        private void endLine(long now) {
            if (lineLength == 0) {
                return;
            }
            if (head[0] == ':') {
                connected.countDown();
                if (comment.indexOf(": closing") == 0) {
                    closingComment = comment.toString();
                }
                comment.setLength(0);
                return;
            }
            if (lineLength > DATA.length && Arrays.equals(head, DATA)) {
                add(position(), now);
            }
        }

        /** Reads {@code "partition":P,"offset":O}} at the end of a data line (see docs/subscribers.md). */
        private long position() {
            int length = Math.min(lineLength, TAIL);
            byte[] last = new byte[length];
            for (int k = 0; k < length; k++) {
                last[k] = tail[(lineLength - length + k) % TAIL];
            }
            String text = new String(last, StandardCharsets.US_ASCII);
            int p = text.lastIndexOf("\"partition\":");
            int o = text.lastIndexOf(",\"offset\":");
            if (p < 0 || o < p) {
                throw new IllegalStateException("a data line without partition and offset at its end: ..." + text);
            }
            int partition = Integer.parseInt(text, p + 12, o, 10);
            long offset = Long.parseLong(text, o + 10, text.lastIndexOf('}'), 10);
            return ServeBenchmark.key(partition, offset);
        }

        private void add(long key, long time) {
            int c = count;
            if (c == keys.length) {
                keys = Arrays.copyOf(keys, c * 2);
                times = Arrays.copyOf(times, c * 2);
            }
            keys[c] = key;
            times[c] = time;
            count = c + 1;
        }
    }
}
