package de.govtech.deploy.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code java -jar govtech-stack.jar [up] [options]} — what ./stack.sh runs after the build. */
public final class StackMain {

    @Command(name = "stack.sh", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "The GovTech Kommunal platform on one machine, without Docker.",
            subcommands = CommandLine.HelpCommand.class)
    static final class Root implements Runnable {
        @Override
        public void run() {
            // never reached: without a command name main() runs "up"
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"govtech-stack " + StackLayout.buildProperty("version")};
        }
    }

    private StackMain() {
    }

    public static void main(String[] args) {
        LauncherLog.silenceConsole();
        Terminal terminal = Terminal.system();
        CommandLine cli = new CommandLine(new Root())
                .addSubcommand("up", new UpCommand(terminal))
                .addSubcommand("status", new StatusCommand(terminal))
                .addSubcommand("prepare-keycloak", new PrepareKeycloakCommand(terminal));
        cli.setOut(new PrintWriter(terminal.out(), true));
        System.exit(cli.execute(withDefaultCommand(cli, args)));
    }

    /** "up" is the default: {@code stack.sh --wipe} means {@code stack.sh up --wipe}, {@code --help} shows up's options. */
    static String[] withDefaultCommand(CommandLine cli, String[] args) {
        if (args.length > 0 && (cli.getSubcommands().containsKey(args[0]) || args[0].equals("-V")
                || args[0].equals("--version"))) {
            return args;
        }
        List<String> withUp = new ArrayList<>(List.of("up"));
        withUp.addAll(List.of(args));
        return withUp.toArray(String[]::new);
    }
}
