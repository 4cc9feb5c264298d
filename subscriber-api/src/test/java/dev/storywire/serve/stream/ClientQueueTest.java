package dev.storywire.serve.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ClientQueueTest {

    private static List<ChangeEvent> changes(long fromOffset, int count) {
        return LongStream.range(fromOffset, fromOffset + count)
                .mapToObj(offset -> new ChangeEvent(new StoryChange(0, offset, "s" + offset, ChangeType.MERGED, null,
                        null), ("data: " + offset + "\n\n").getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    @Test
    void shouldHandOverEverythingPendingAtOnceInOrder() throws Exception {
        ClientQueue queue = new ClientQueue(100);
        queue.offer(changes(0, 3));
        queue.offer(changes(3, 2));

        List<ChangeEvent> taken = queue.takeAll(10);

        assertThat(taken).extracting(event -> event.change().offset()).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(queue.takeAll(10)).isEmpty();
    }

    @Test
    void shouldMarkOverflowAndDropWhatIsPendingWhenABatchDoesNotFit() throws Exception {
        ClientQueue queue = new ClientQueue(5);
        assertThat(queue.offer(changes(0, 4))).isTrue();

        assertThat(queue.offer(changes(4, 2))).isFalse();

        assertThat(queue.overflowed()).isTrue();
        assertThat(queue.takeAll(10)).isEmpty();
        assertThat(queue.offer(changes(6, 1))).as("an overflowed client takes nothing more").isFalse();
    }

    @Test
    void shouldWakeAWaitingWriterWhenABatchArrives() throws Exception {
        ClientQueue queue = new ClientQueue(100);
        CompletableFuture<List<ChangeEvent>> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.takeAll(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);

        queue.offer(changes(0, 2));

        assertThat(taken.get(10, TimeUnit.SECONDS)).hasSize(2);
    }

    @Test
    void shouldReturnNothingWhenNothingArrivesOrTheQueueCloses() throws Exception {
        ClientQueue queue = new ClientQueue(100);
        assertThat(queue.takeAll(20)).isEmpty();

        queue.close();

        assertThat(queue.takeAll(TimeUnit.SECONDS.toMillis(30))).isEmpty();
        assertThat(queue.offer(changes(0, 1))).isFalse();
    }
}
