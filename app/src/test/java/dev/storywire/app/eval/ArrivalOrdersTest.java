package dev.storywire.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storywire.ingest.PublishTimeOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArrivalOrdersTest {

    private static final List<Path> FILES = IntStream.rangeClosed(1, 20)
            .mapToObj(i -> Path.of(String.format("window/doc-%02d.md", i)))
            .toList();
    /** Publish times running against file order, with a tie between doc-02 and doc-01 and one undated file. */
    private static final Map<Path, Instant> PUBLISHED = publishTimes();
    private static final Comparator<Path> PUBLISH_TIME = PublishTimeOrder.by(PUBLISHED::get, Path::toString);

    private static Map<Path, Instant> publishTimes() {
        Map<Path, Instant> published = new java.util.HashMap<>();
        for (int i = 0; i < FILES.size(); i++) {
            published.put(FILES.get(i), Instant.parse("2021-03-01T00:00:00Z").plusSeconds(3600L * (FILES.size() - i)));
        }
        published.put(FILES.get(0), published.get(FILES.get(1)));
        published.put(FILES.get(10), null);
        return published;
    }

    @Test
    void shouldMakeTheNamedOrdersThenSeededShuffles() {
        List<ArrivalOrder> orders = ArrivalOrders.of(FILES, PUBLISH_TIME, 10);

        assertThat(orders).hasSize(10);
        assertThat(orders).extracting(ArrivalOrder::kind).containsExactly(
                ArrivalOrder.Kind.AS_RUN_DELIVERS_IT, ArrivalOrder.Kind.FILE_ORDER, ArrivalOrder.Kind.REVERSED,
                ArrivalOrder.Kind.SHUFFLED, ArrivalOrder.Kind.SHUFFLED, ArrivalOrder.Kind.SHUFFLED,
                ArrivalOrder.Kind.SHUFFLED, ArrivalOrder.Kind.SHUFFLED, ArrivalOrder.Kind.SHUFFLED,
                ArrivalOrder.Kind.SHUFFLED);
        assertThat(orders.subList(3, 10)).extracting(ArrivalOrder::seed).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(orders).allSatisfy(order -> assertThat(order.files()).containsExactlyInAnyOrderElementsOf(FILES));
    }

    @Test
    void shouldPublishAsRunDoesByPublishTimeWithTiesByPathAndUndatedLast() {
        List<Path> asRun = ArrivalOrders.of(FILES, PUBLISH_TIME, 1).get(0).files();

        assertThat(asRun.get(0)).isEqualTo(FILES.get(19));
        assertThat(asRun.subList(17, 20)).containsExactly(FILES.get(0), FILES.get(1), FILES.get(10));
    }

    @Test
    void shouldKeepFileOrderAndReverseIt() {
        List<ArrivalOrder> orders = ArrivalOrders.of(FILES, PUBLISH_TIME, 3);

        assertThat(orders.get(1).files()).containsExactlyElementsOf(FILES);
        assertThat(orders.get(2).files()).startsWith(FILES.get(19)).endsWith(FILES.get(0));
    }

    @Test
    void shouldGiveTheSameOrdersEveryTime() {
        assertThat(ArrivalOrders.of(FILES, PUBLISH_TIME, 6)).isEqualTo(ArrivalOrders.of(FILES, PUBLISH_TIME, 6));
    }

    @Test
    void shouldShuffleEachSeedDifferently() {
        List<ArrivalOrder> orders = ArrivalOrders.of(FILES, PUBLISH_TIME, 6);

        assertThat(orders).extracting(ArrivalOrder::files).doesNotHaveDuplicates();
    }

    @Test
    void shouldStartWithTheOrderRunDeliversWhenAskedForFewOrders() {
        assertThat(ArrivalOrders.of(FILES, PUBLISH_TIME, 1)).extracting(ArrivalOrder::kind)
                .containsExactly(ArrivalOrder.Kind.AS_RUN_DELIVERS_IT);
        assertThat(ArrivalOrders.of(FILES, PUBLISH_TIME, 2)).extracting(ArrivalOrder::kind)
                .containsExactly(ArrivalOrder.Kind.AS_RUN_DELIVERS_IT, ArrivalOrder.Kind.FILE_ORDER);
    }

    @Test
    void shouldRejectFewerThanOneOrder() {
        assertThatThrownBy(() -> ArrivalOrders.of(FILES, PUBLISH_TIME, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
    }

    @Test
    void shouldNameShufflesByTheirSeed() {
        assertThat(ArrivalOrders.of(FILES, PUBLISH_TIME, 4)).extracting(ArrivalOrder::name)
                .containsExactly("as run delivers it", "file order", "reversed", "shuffled (seed 1)");
    }
}
