package de.konferenzbuero.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A job claimed through {@link ClusterJobs} runs once per period, however many schedulers fire at once. */
@QuarkusTest
class ClusterJobsTest {

    @Inject
    ClusterJobs jobs;

    @Test
    void eightSchedulersFiringTogetherRunTheJobOnceAndAgainOnlyInTheNextPeriod() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        ExecutorService instances = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> firing = java.util.Collections.nCopies(8,
                    () -> jobs.runOnce("test-once", "1h", runs::incrementAndGet));
            long claimed = 0;
            for (Future<Boolean> f : instances.invokeAll(firing)) {
                claimed += f.get() ? 1 : 0;
            }
            assertThat(claimed).isEqualTo(1);
            assertThat(runs).hasValue(1);
            assertThat(jobs.runOnce("test-once", "1h", runs::incrementAndGet)).isFalse();

            assertThat(jobs.runOnce("test-short", "0.2s", runs::incrementAndGet)).isTrue();
            Thread.sleep(300);
            assertThat(jobs.runOnce("test-short", "0.2s", runs::incrementAndGet)).isTrue();
            assertThat(runs).hasValue(3);
        } finally {
            instances.shutdownNow();
        }
    }

    @Test
    void periodsAreReadAsTheSchedulerWritesThem() {
        assertThat(ClusterJobs.period("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(ClusterJobs.period("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(ClusterJobs.period("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(ClusterJobs.period("PT30S")).isEqualTo(Duration.ofSeconds(30));
    }
}
