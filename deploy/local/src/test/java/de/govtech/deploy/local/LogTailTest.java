package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void returnsTheLastLines() throws IOException {
        Path log = dir.resolve("a.log");
        Files.writeString(log, IntStream.rangeClosed(1, 50).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n");

        assertEquals(List.of("line 48", "line 49", "line 50"), LogTail.lastLines(log, 3));
    }

    @Test
    void readsOnlyTheEndOfAHugeLog() throws IOException {
        Path log = dir.resolve("big.log");
        Files.writeString(log, "x".repeat(200_000) + "\nsecond to last\nlast\n");

        assertEquals(List.of("second to last", "last"), LogTail.lastLines(log, 2));
    }

    @Test
    void aMissingLogHasNoLines() {
        assertEquals(List.of(), LogTail.lastLines(dir.resolve("missing.log"), 20));
    }
}
