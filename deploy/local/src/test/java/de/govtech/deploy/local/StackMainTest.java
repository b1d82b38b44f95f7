package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StackMainTest {

    private final Terminal terminal = new Terminal(new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()), false, false);
    private final CommandLine cli = new CommandLine(new StackMain.Root())
            .addSubcommand("up", new UpCommand(terminal))
            .addSubcommand("status", new StatusCommand(terminal));

    @Test
    void upIsTheDefaultCommand() {
        assertArrayEquals(new String[] {"up"}, StackMain.withDefaultCommand(cli, new String[0]));
        assertArrayEquals(new String[] {"up", "--wipe"}, StackMain.withDefaultCommand(cli, new String[] {"--wipe"}));
        assertArrayEquals(new String[] {"up", "--help"}, StackMain.withDefaultCommand(cli, new String[] {"--help"}));
    }

    @Test
    void namedCommandsStayAsTheyAre() {
        assertArrayEquals(new String[] {"status"}, StackMain.withDefaultCommand(cli, new String[] {"status"}));
        assertArrayEquals(new String[] {"up", "--wipe"}, StackMain.withDefaultCommand(cli, new String[] {"up", "--wipe"}));
    }

    @Test
    void upAndStatusTakeAPortOffsetThatDefaultsToZero() {
        UpCommand up = new UpCommand(terminal);
        new CommandLine(up).parseArgs("--port-offset", "20000");
        StatusCommand status = new StatusCommand(terminal);
        new CommandLine(status).parseArgs("--port-offset=300");
        UpCommand plain = new UpCommand(terminal);
        new CommandLine(plain).parseArgs();

        assertEquals(20000, up.portOffset);
        assertEquals(300, status.portOffset);
        assertEquals(0, plain.portOffset);
    }
}
