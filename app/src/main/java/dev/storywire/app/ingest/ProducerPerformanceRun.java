package dev.storywire.app.ingest;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * One run of Kafka's {@code ProducerPerformance} tool in this JVM, its throughput read from the summary line it
 * prints ({@code N records sent, R records/sec (...)}).
 *
 * @param recordsPerSecond throughput of the whole run, as the tool reports it
 * @param summaryLine the tool's final line
 */
record ProducerPerformanceRun(double recordsPerSecond, String summaryLine) {

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    /** Runs the tool; {@code System.out} is captured while it runs (it prints there) and echoed. */
    static ProducerPerformanceRun run(String bootstrapServers, String topic, int records, int recordBytes,
            List<String> producerProps) throws Exception {
        List<String> args = new ArrayList<>(List.of("--topic", topic, "--num-records", Integer.toString(records),
                "--record-size", Integer.toString(recordBytes), "--throughput", "-1", "--producer-props"));
        args.addAll(producerProps);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        // The tool ends with Exit.exit on argument errors; turn that into an exception instead of ending the JVM.
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("ProducerPerformance exited with " + status + ": " + message);
        });
        System.setOut(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(args.toArray(String[]::new));
        } finally {
            System.setOut(original);
            Exit.resetExitProcedure();
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        Matcher matcher = SUMMARY.matcher(output);
        String last = null;
        double rate = Double.NaN;
        while (matcher.find()) {
            int lineEnd = output.indexOf('\n', matcher.start());
            last = output.substring(matcher.start(), lineEnd < 0 ? output.length() : lineEnd).strip();
            rate = Double.parseDouble(matcher.group(2));
        }
        if (last == null || Long.parseLong(last.substring(0, last.indexOf(' '))) != records) {
            throw new IllegalStateException("no ProducerPerformance summary for " + records + " records in: " + output);
        }
        return new ProducerPerformanceRun(rate, last);
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
            second.flush();
        }
    }
}
