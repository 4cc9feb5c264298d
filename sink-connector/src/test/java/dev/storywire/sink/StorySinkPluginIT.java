package dev.storywire.sink;

import static dev.storywire.sink.Fixtures.T0;
import static dev.storywire.sink.Fixtures.article;
import static dev.storywire.sink.Fixtures.articleRecord;
import static dev.storywire.sink.Fixtures.member;
import static dev.storywire.sink.Fixtures.story;
import static dev.storywire.sink.Fixtures.storyArticle;
import static dev.storywire.sink.Fixtures.storyRecord;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import dev.storywire.model.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.runtime.isolation.LoaderSwap;
import org.apache.kafka.connect.runtime.isolation.PluginClassLoader;
import org.apache.kafka.connect.runtime.isolation.PluginDesc;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the packaged plugin directory the way a worker with {@code plugin.discovery=service_load} does, in an
 * isolated class loader, and writes through it: proves the service file, the bundled dependencies and the
 * JDBC driver lookup under isolation.
 */
class StorySinkPluginIT {

    private static final String CONNECTOR = StorySinkConnector.class.getName();

    @TempDir
    Path dir;

    @Test
    void shouldLoadFromPluginPathAndWriteInIsolation() throws Exception {
        Path pluginPath = Path.of(System.getProperty("storywire.sink.plugin.path", "target/missing"));
        assertThat(pluginPath).as("built by the package phase").isDirectory();
        Plugins plugins = new Plugins(Map.of("plugin.path", pluginPath.toString(), "plugin.discovery", "service_load"));

        // The test class path holds the connector too; pick the copy Connect found in the plugin directory.
        PluginDesc<SinkConnector> desc = plugins.sinkConnectors().stream()
                .filter(d -> d.className().equals(CONNECTOR) && d.location().contains(pluginPath.toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not discovered in " + pluginPath + ": "
                        + plugins.sinkConnectors()));
        ClassLoader loader = desc.loader();
        assertThat(loader).isInstanceOf(PluginClassLoader.class);
        assertThat(desc.version()).isEqualTo(Version.get());

        String url = "jdbc:sqlite:" + dir.resolve("isolated.db");
        Map<String, String> props = Map.of(StorySinkConfig.CONNECTION_URL, url, "topics", "stories,stories.articles");
        Article a = article("news.example/a", "Isolated write", "https://news.example/a", "News", T0);
        try (LoaderSwap swap = plugins.withClassLoader(loader)) {
            Connector connector = (Connector) plugins.newPlugin(CONNECTOR, null, loader);
            assertThat(connector.getClass().getClassLoader()).isSameAs(loader);
            assertThat(connector.validate(props).configValues())
                    .allSatisfy(value -> assertThat(value.errorMessages()).as(value.name()).isEmpty());
            connector.start(props);
            SinkTask task = (SinkTask) plugins.newTask(connector.taskClass().asSubclass(Task.class));
            task.initialize(RecordingSinkTaskContext.withErrantReporter(props));
            task.start(connector.taskConfigs(1).get(0));
            task.put(List.of(storyRecord(0, story("st-1", 1, member(a.id(), Role.PRIMARY, T0))),
                    articleRecord(0, storyArticle("st-1", Role.PRIMARY, a))));
            task.stop();
            connector.stop();
        }

        assertThat(Files.exists(dir.resolve("isolated.db"))).isTrue();
        StoryTables db = new StoryTables(url, TableNames.withPrefix(""));
        assertThat(db.story("st-1")).isPresent();
        assertThat(db.article(a.id())).hasValueSatisfying(row -> assertThat(row).containsEntry("title", "Isolated write"));
    }
}
