package dev.storywire.app;

import dev.storywire.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storywire broker}: the embedded single-node KRaft broker alone, in the foreground. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run an embedded single-node Kafka broker (KRaft) in the foreground until Ctrl-C or SIGTERM.")
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "9092", description = "Client port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data-dir", description = "Keep the broker's data here across restarts (default: a temporary directory deleted on exit).")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().port(port).dataDir(dataDir).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "storywire-broker-shutdown"));
        Console.out("Kafka broker running at %s (data in %s). Ctrl-C stops it.", broker.bootstrapServers(), broker.dataDir());
        stopped.await();
        return 0;
    }
}
