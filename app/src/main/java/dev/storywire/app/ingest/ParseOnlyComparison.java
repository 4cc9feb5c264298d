package dev.storywire.app.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.ingest.FeedDocumentParser;
import dev.storywire.ingest.FeedInputs;
import dev.storywire.ingest.ParseResult;
import dev.storywire.ingest.ParserLimits;
import dev.storywire.model.Json;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parsing alone (read, split, YAML, validate, map, serialise the article as the parser does; no Kafka), one thread,
 * for the parser and for the previous SnakeYAML node-graph parser ({@link FeedDocumentParser#snakeYamlReference}), in
 * alternating rounds so both see the same machine load. Each round is measured in wall time and in the thread's CPU
 * time: on a loaded machine the CPU-time rate is the steadier one, and the speed-up is taken from it.
 */
record ParseOnlyComparison(Rates streaming, Rates reference, int documentsPerRound, int rounds) {

    /** Documents per second of each round, by wall time and by the thread's CPU time. */
    record Rates(double[] wall, double[] cpu) {
        double wallMedian() {
            return median(wall);
        }

        double cpuMedian() {
            return median(cpu);
        }

        ObjectNode toJson() {
            ObjectNode json = Json.mapper().createObjectNode();
            json.put("documentsPerSecondWallMedian", Math.round(wallMedian()));
            json.put("documentsPerCpuSecondMedian", Math.round(cpuMedian()));
            json.putPOJO("documentsPerSecondWallRounds", Arrays.stream(wall).map(Math::rint).toArray());
            json.putPOJO("documentsPerCpuSecondRounds", Arrays.stream(cpu).map(Math::rint).toArray());
            return json;
        }
    }

    static ParseOnlyComparison measure(Path input, int documentsPerRound, int rounds) {
        List<Path> files = FeedInputs.expand(List.of(input));
        FeedDocumentParser streaming = new FeedDocumentParser();
        FeedDocumentParser reference = FeedDocumentParser.snakeYamlReference(ParserLimits.defaults());
        double[][] streamingRates = new double[2][rounds];
        double[][] referenceRates = new double[2][rounds];
        for (int round = 0; round < rounds; round++) {
            run(reference, files, documentsPerRound, referenceRates, round);
            run(streaming, files, documentsPerRound, streamingRates, round);
        }
        return new ParseOnlyComparison(new Rates(streamingRates[0], streamingRates[1]),
                new Rates(referenceRates[0], referenceRates[1]), documentsPerRound, rounds);
    }

    private static void run(FeedDocumentParser parser, List<Path> files, int documents, double[][] rates, int round) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int count = 0;
        for (Path file : files) {
            for (ParseResult result : parser.parseFile(file)) {
                if (!(result instanceof ParseResult.Parsed)) {
                    throw new IllegalStateException("benchmark document rejected: " + result);
                }
                count++;
            }
            if (count >= documents) {
                break;
            }
        }
        rates[0][round] = count / ((System.nanoTime() - start) / 1e9);
        rates[1][round] = count / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }

    ObjectNode toJson() {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("what", "one thread: read, split, YAML, validate, map, serialise; rounds alternate reference/streaming");
        json.put("documentsPerRound", documentsPerRound);
        json.put("rounds", rounds);
        json.set("jacksonStreaming", streaming.toJson());
        json.set("snakeYamlNodeGraphReference", reference.toJson());
        json.put("speedupByCpuTime", IngestBenchmark.round(streaming.cpuMedian() / reference.cpuMedian()));
        json.put("speedupByWallTime", IngestBenchmark.round(streaming.wallMedian() / reference.wallMedian()));
        return json;
    }

    private static double median(double[] values) {
        List<Double> sorted = new ArrayList<>();
        for (double value : values) {
            sorted.add(value);
        }
        sorted.sort(Double::compare);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
