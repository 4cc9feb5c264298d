package dev.storywire.app;

import java.io.PrintStream;

/** What the CLI tells the user, as opposed to logs: plain lines on standard output. */
final class Console {

    private static final PrintStream OUT = System.out;

    private Console() {
    }

    static void out(String format, Object... args) {
        OUT.println(String.format(format, args));
        OUT.flush();
    }
}
