package dev.storywire.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts Java child processes on the harness's classpath and guarantees they end: {@link #close()} and a JVM
 * shutdown hook kill every one still alive (by its own handle, nothing else).
 */
public final class ProcessLauncher implements AutoCloseable {

    private static final String CLI = "dev.storywire.app.StorywireCli";
    private final String classpath;
    private final Path logDirectory;
    private final List<ChildProcess> started = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook = new Thread(this::killAll, "fault-harness-kill-children");

    public ProcessLauncher(String classpath, Path logDirectory) {
        this.classpath = classpath;
        this.logDirectory = logDirectory;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The classpath of this harness: {@code faults.classes} plus the file {@code faults.classpath.file}. */
    public static String harnessClasspath() {
        String file = System.getProperty("faults.classpath.file");
        if (file == null) {
            return System.getProperty("java.class.path");
        }
        try {
            return System.getProperty("faults.classes") + java.io.File.pathSeparator
                    + Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the child classpath from " + file, e);
        }
    }

    /** {@code storywire ARGS} as its own JVM. */
    public ChildProcess storywire(String name, String heap, List<String> args) {
        return java(name, heap, CLI, args);
    }

    /** The command line of {@code storywire ARGS}. */
    public List<String> storywireCommand(String heap, List<String> args) {
        return javaCommand(heap, CLI, args);
    }

    /** {@code java -cp <harness classpath> MAIN ARGS}. */
    public ChildProcess java(String name, String heap, String mainClass, List<String> args) {
        return start(name, javaCommand(heap, mainClass, args));
    }

    /** The command line that runs {@code mainClass} in its own JVM; a null {@code heap} leaves Java's default. */
    public List<String> javaCommand(String heap, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (heap != null) {
            command.add("-Xmx" + heap);
        }
        // The serial collector: the smallest footprint and no GC threads on a small machine shared by many JVMs.
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    public ChildProcess start(String name, List<String> command) {
        ChildProcess child = ChildProcess.start(name, command,
                logDirectory.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".log"),
                Map.of("STORYWIRE_LOG_LEVEL", "INFO"));
        started.add(child);
        return child;
    }

    /** A free loopback port. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private void killAll() {
        started.stream().filter(ChildProcess::isAlive).forEach(ChildProcess::killHard);
    }

    /** Stops every child still alive: SIGTERM with a short grace, then SIGKILL. */
    @Override
    public void close() {
        started.stream().filter(ChildProcess::isAlive).forEach(child -> child.stop(Duration.ofSeconds(10)));
        started.clear();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it kills what is left.
        }
    }
}
