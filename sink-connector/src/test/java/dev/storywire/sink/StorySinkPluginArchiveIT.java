package dev.storywire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storywire.model.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plugin archive {@code mvn package} builds: Confluent Hub's component layout, no Kafka inside. */
class StorySinkPluginArchiveIT {

    private static final String SERVICE_FILE = "META-INF/services/org.apache.kafka.connect.sink.SinkConnector";

    private final Path zip = Path.of(System.getProperty("storywire.sink.plugin.zip", "target/missing.zip"));
    private final String root = "storywire-sink-connector-" + Version.get() + "/";
    private List<String> entries;

    @BeforeEach
    void listEntries() throws IOException {
        assertThat(zip).as("built by the package phase").isRegularFile();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            entries = Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void shouldHoldEverythingUnderOneVersionedDirectory() {
        assertThat(entries).allSatisfy(name -> assertThat(name).startsWith(root));
        assertThat(entries).contains(root + "manifest.json", root + "doc/README.md", root + "etc/storywire-sink.properties",
                root + "lib/sink-connector-" + Version.get() + ".jar");
    }

    @Test
    void shouldBundleDependenciesButNoKafkaJars() {
        List<String> jars = entries.stream().filter(name -> name.endsWith(".jar")).toList();

        assertThat(jars).allSatisfy(jar -> assertThat(jar).startsWith(root + "lib/"));
        assertThat(jars).anySatisfy(jar -> assertThat(jar).contains("postgresql-"))
                .anySatisfy(jar -> assertThat(jar).contains("sqlite-jdbc-"))
                .anySatisfy(jar -> assertThat(jar).contains("feed-model-"))
                .anySatisfy(jar -> assertThat(jar).contains("jackson-databind-"));
        assertThat(jars).noneSatisfy(jar -> assertThat(jar).containsAnyOf("kafka", "connect-api", "connect-runtime",
                "slf4j", "/lz4", "/snappy", "/zstd"));
    }

    @Test
    void shouldDescribeThePluginInManifestJson() throws IOException {
        JsonNode manifest = Json.mapper().readTree(read(root + "manifest.json"));

        assertThat(manifest.path("name").asText()).isEqualTo("storywire-sink-connector");
        assertThat(manifest.path("version").asText()).isEqualTo(Version.get());
        assertThat(manifest.path("component_types").toString()).isEqualTo("[\"sink\"]");
        assertThat(manifest.path("connector_classes").toString()).contains(StorySinkConnector.class.getName());
        assertThat(manifest.path("description").asText()).doesNotContain("${");
    }

    @Test
    void shouldShipTheServiceEntryAndManifestInTheConnectorJar() throws IOException {
        byte[] jar = read(root + "lib/sink-connector-" + Version.get() + ".jar");
        String services = null;
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            manifest = in.getManifest();
            for (var entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                if (entry.getName().equals(SERVICE_FILE)) {
                    services = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }

        assertThat(services).as(SERVICE_FILE).contains(StorySinkConnector.class.getName());
        assertThat(manifest.getMainAttributes().getValue("Implementation-Version")).isEqualTo(Version.get());
        assertThat(manifest.getMainAttributes().getValue("Kafka-Connect-Connector-Class"))
                .isEqualTo(StorySinkConnector.class.getName());
    }

    @Test
    void shouldShipTheConfigReferenceAsDoc() throws IOException {
        String doc = new String(read(root + "doc/README.md"), StandardCharsets.UTF_8);

        assertThat(doc).isEqualTo(Files.readString(Path.of("..", "docs", "sink-connector.md")));
    }

    private byte[] read(String name) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile()); InputStream in = file.getInputStream(file.getEntry(name))) {
            return in.readAllBytes();
        }
    }
}
