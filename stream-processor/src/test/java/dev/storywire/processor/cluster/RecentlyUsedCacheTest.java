package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentlyUsedCacheTest {

    @Test
    void shouldDropTheLeastRecentlyUsedQuarterWhenFull() {
        RecentlyUsedCache<String, Integer> cache = new RecentlyUsedCache<>(8);
        for (int i = 0; i < 8; i++) {
            cache.put("k" + i, i);
        }
        // Reading k0 and k1 makes k2..k3 the least recently used.
        cache.get("k0");
        cache.get("k1");

        cache.put("k8", 8);

        assertThat(cache.size()).isEqualTo(7);
        assertThat(cache.get("k2")).isNull();
        assertThat(cache.get("k3")).isNull();
        assertThat(cache.get("k0")).isEqualTo(0);
        assertThat(cache.get("k1")).isEqualTo(1);
        assertThat(cache.get("k8")).isEqualTo(8);
    }

    @Test
    void shouldCountAnOverwriteAsAUse() {
        RecentlyUsedCache<String, Integer> cache = new RecentlyUsedCache<>(4);
        for (int i = 0; i < 4; i++) {
            cache.put("k" + i, i);
        }
        cache.put("k0", 10);

        cache.put("k4", 4);

        assertThat(cache.get("k0")).isEqualTo(10);
        assertThat(cache.get("k1")).isNull();
        assertThat(cache.size()).isEqualTo(4);
    }

    @Test
    void shouldForgetARemovedKey() {
        RecentlyUsedCache<String, Integer> cache = new RecentlyUsedCache<>(4);
        cache.put("k0", 0);

        cache.remove("k0");

        assertThat(cache.get("k0")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldHoldOneEntryWhenTheBoundIsOne() {
        RecentlyUsedCache<String, Integer> cache = new RecentlyUsedCache<>(1);
        cache.put("k0", 0);
        cache.put("k1", 1);

        assertThat(cache.get("k0")).isNull();
        assertThat(cache.get("k1")).isEqualTo(1);
    }

    @Test
    void shouldRejectABoundBelowOne() {
        assertThatThrownBy(() -> new RecentlyUsedCache<String, Integer>(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEntries");
    }
}
