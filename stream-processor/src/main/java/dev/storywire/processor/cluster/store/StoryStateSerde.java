package dev.storywire.processor.cluster.store;

import dev.storywire.model.JsonSerde;
import dev.storywire.model.Role;
import dev.storywire.model.StoryMember;
import dev.storywire.processor.cluster.Passages;
import dev.storywire.processor.cluster.StoryState;
import dev.storywire.processor.text.TermCounts;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The stories store's serde: a compact binary encoding of {@link StoryState}. The clustering writes the state of the
 * story an article joins for every article, a few hundred terms, passages and members each time; this encoding
 * writes the same values with length prefixes instead of JSON's names and number text. Values written as JSON by
 * earlier versions (they start with <code>{</code>) are still read.
 *
 * <p>Layout, big-endian: the format byte {@value #FORMAT}; the story id; version (long); indexed (byte); members
 * (count, then per member article id, url, title, provider, publish time, role); terms and title terms (count, then
 * term and count each, in {@link TermCounts} order); topics; leads; passages (count, then the hashes). A string is
 * its UTF-8 length and bytes, length -1 for {@code null}; a publish time is a presence byte, epoch seconds and
 * nanoseconds; a role its name, as the JSON has it.
 */
public final class StoryStateSerde implements Serde<StoryState>, Serializer<StoryState>, Deserializer<StoryState> {

    static final byte FORMAT = 1;
    private static final byte JSON_START = '{';

    private final JsonSerde<StoryState> json = JsonSerde.of(StoryState.class);

    @Override
    public byte[] serialize(String topic, StoryState story) {
        if (story == null) {
            return null;
        }
        Writer out = new Writer();
        out.writeByte(FORMAT);
        out.writeString(story.storyId());
        out.writeLong(story.version());
        out.writeByte(story.indexed() ? 1 : 0);
        out.writeInt(story.members().size());
        for (StoryMember member : story.members()) {
            writeMember(out, member);
        }
        writeTerms(out, story.terms());
        writeTerms(out, story.titleTerms());
        writeStrings(out, story.topics());
        writeStrings(out, story.leads());
        int[] passages = story.passages().hashes();
        out.writeInt(passages.length);
        for (int hash : passages) {
            out.writeInt(hash);
        }
        return out.toByteArray();
    }

    @Override
    public StoryState deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == JSON_START) {
            return json.deserialize(topic, data);
        }
        if (data.length == 0 || data[0] != FORMAT) {
            throw new SerializationException("Cannot read a story state from topic " + topic + ": format byte "
                    + (data.length == 0 ? "missing" : data[0]) + ", expected " + FORMAT + " or JSON");
        }
        try {
            return read(ByteBuffer.wrap(data, 1, data.length - 1));
        } catch (BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException
                | IllegalArgumentException e) {
            throw new SerializationException("Cannot read a story state from topic " + topic + " (" + data.length
                    + " bytes): " + e, e);
        }
    }

    private static StoryState read(ByteBuffer in) {
        String storyId = readString(in);
        long version = in.getLong();
        boolean indexed = in.get() != 0;
        int memberCount = in.getInt();
        List<StoryMember> members = new ArrayList<>(memberCount);
        for (int i = 0; i < memberCount; i++) {
            members.add(readMember(in));
        }
        TermCounts terms = readTerms(in);
        TermCounts titleTerms = readTerms(in);
        List<String> topics = readStrings(in);
        List<String> leads = readStrings(in);
        int[] passages = new int[in.getInt()];
        for (int i = 0; i < passages.length; i++) {
            passages[i] = in.getInt();
        }
        return new StoryState(storyId, members, terms, titleTerms, topics, leads, version, indexed,
                Passages.of(passages), null, null);
    }

    private static void writeMember(Writer out, StoryMember member) {
        out.writeString(member.articleId());
        out.writeString(member.url());
        out.writeString(member.title());
        out.writeString(member.provider());
        Instant publishedAt = member.publishedAt();
        out.writeByte(publishedAt == null ? 0 : 1);
        if (publishedAt != null) {
            out.writeLong(publishedAt.getEpochSecond());
            out.writeInt(publishedAt.getNano());
        }
        out.writeString(member.role() == null ? null : member.role().name());
    }

    private static StoryMember readMember(ByteBuffer in) {
        String articleId = readString(in);
        String url = readString(in);
        String title = readString(in);
        String provider = readString(in);
        Instant publishedAt = in.get() == 0 ? null : Instant.ofEpochSecond(in.getLong(), in.getInt());
        String role = readString(in);
        return new StoryMember(articleId, url, title, provider, publishedAt, role == null ? null : Role.valueOf(role));
    }

    private static void writeTerms(Writer out, TermCounts counts) {
        out.writeInt(counts.size());
        for (int i = 0; i < counts.size(); i++) {
            out.writeString(counts.term(i));
            out.writeInt(counts.count(i));
        }
    }

    private static TermCounts readTerms(ByteBuffer in) {
        int size = in.getInt();
        String[] terms = new String[size];
        int[] counts = new int[size];
        for (int i = 0; i < size; i++) {
            // Interned, like the clustering's own term instances (TermStatistics#canonical): a story read back
            // shares them, and its terms are then found in the term index and statistics by reference.
            terms[i] = readString(in).intern();
            counts[i] = in.getInt();
        }
        return TermCounts.of(terms, counts, size);
    }

    private static void writeStrings(Writer out, List<String> values) {
        out.writeInt(values.size());
        values.forEach(out::writeString);
    }

    private static List<String> readStrings(ByteBuffer in) {
        int size = in.getInt();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readString(in));
        }
        return values;
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    @Override
    public Serializer<StoryState> serializer() {
        return this;
    }

    @Override
    public Deserializer<StoryState> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    public void close() {
        // stateless
    }

    /** A growing big-endian byte buffer. */
    private static final class Writer {

        private byte[] bytes = new byte[4096];
        private int size;

        void writeByte(int value) {
            ensure(1);
            bytes[size++] = (byte) value;
        }

        void writeInt(int value) {
            ensure(Integer.BYTES);
            bytes[size++] = (byte) (value >>> 24);
            bytes[size++] = (byte) (value >>> 16);
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) value;
        }

        void writeLong(long value) {
            writeInt((int) (value >>> 32));
            writeInt((int) value);
        }

        void writeString(String value) {
            if (value == null) {
                writeInt(-1);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeInt(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
