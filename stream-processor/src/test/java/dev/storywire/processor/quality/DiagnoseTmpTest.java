package dev.storywire.processor.quality;

import dev.storywire.processor.cluster.ClusteringSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnoseTmpTest {
    @Test
    void diagnose() {
        for (String w : List.of("2021-03", "2021-05")) {
            ArrivalOrders.Window window = ArrivalOrders.Window.load(w);
            Map<String, List<String>> orders = ArrivalOrders.orders(window);
            for (String o : List.of(System.getProperty("diag.order", "file order"), "reversed")) {
                Map<String, String> predicted = ArrivalOrders.cluster(window, orders.get(o), ClusteringSettings.defaults());
                System.err.println("=== " + w + " " + o + " " + ClusteringScores.of(predicted, window.gold()).describe());
                for (String e : CorpusEvaluation.pairErrors(predicted, window.gold())) {
                    String[] p = e.split(": ")[1].split(" \\+ ");
                    System.err.println(e.split(":")[0] + " | " + window.gold().get(p[0]) + " | " + window.articles().get(p[0]).title() + " [" + window.articles().get(p[0]).publishedDateTime() + "] || " + window.articles().get(p[1]).title() + " [" + window.articles().get(p[1]).publishedDateTime() + "]");
                }
            }
        }
    }
}
