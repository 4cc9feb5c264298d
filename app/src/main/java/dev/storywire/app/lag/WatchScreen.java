package dev.storywire.app.lag;

import dev.storywire.ops.lag.LagReport;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Redraws the compact lag table in place on a terminal (clear screen, cursor home); on a pipe or file each
 * sample is appended under a time stamp line instead, so the output stays readable.
 */
public final class WatchScreen {

    /** ANSI: cursor to the top left corner, then erase the whole screen. */
    private static final String CLEAR = "\033[H\033[2J";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final PrintWriter out;
    private final boolean terminal;

    public WatchScreen(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    public void show(LagReport report, String footer) {
        if (terminal) {
            out.print(CLEAR);
        }
        out.printf("Consumer lag at %s (%s)%n", TIME.format(report.time()), report.status());
        out.print(LagTable.compact(report));
        out.println(footer);
        if (!terminal) {
            out.println();
        }
        out.flush();
    }
}
