package de.govtech.platform.infra;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Stands in for kafka.Kafka in a BrokerLauncher child: prints the meta.properties it finds in the config's log.dirs. */
public final class FormattedStorageProbe {

    private FormattedStorageProbe() {
    }

    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            config.load(in);
        }
        Path meta = Path.of(config.getProperty("log.dirs")).resolve("meta.properties");
        System.out.println("probe: " + (Files.exists(meta) ? "formatted, " + Files.readString(meta).replace('\n', ' ') : "not formatted"));
    }
}
