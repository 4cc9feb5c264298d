package dev.storywire.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code storywire} command line: one runnable jar, one subcommand per job. */
@Command(
        name = "storywire",
        mixinStandardHelpOptions = true,
        versionProvider = StorywireCli.Version.class,
        description = "Real-time news pipeline on Apache Kafka: ingest feed documents, cluster them into stories, "
                + "write the stories to a database.",
        subcommands = {RunCommand.class, IngestCommand.class, ProcessCommand.class, LagCommand.class,
            EvalCommand.class, BrokerCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class StorywireCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code; usage errors print usage and return 2. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line: a usage error prints the error, any suggestion and the full usage. */
    public static CommandLine commandLine() {
        return new CommandLine(new StorywireCli()).setParameterExceptionHandler(StorywireCli::usageError);
    }

    private static int usageError(CommandLine.ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        java.io.PrintWriter err = command.getErr();
        err.println(command.getColorScheme().errorText(error.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
        command.usage(err, command.getColorScheme());
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** Reads the version from the jar manifest, "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = StorywireCli.class.getPackage().getImplementationVersion();
            return new String[] {"storywire " + (version == null ? "development" : version)};
        }
    }
}
