package de.govtech.deploy.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmallJvmTest {

    private static final Runtime.Version JDK_17_0_15 = Runtime.Version.parse("17.0.15+6");

    @Test
    void servicesCompileWithC1AloneAndTheGatewayKeepsC2EvenOnShiftedPorts() {
        List<String> service = SmallJvm.options(ServiceSpec.MARKETPLACE.withPort(12084), JDK_17_0_15);
        List<String> gateway = SmallJvm.options(ServiceSpec.GATEWAY.withPort(12080), JDK_17_0_15);

        assertTrue(service.containsAll(SmallJvm.HEAP) && service.contains("-XX:TieredStopAtLevel=1"), service.toString());
        assertTrue(gateway.containsAll(SmallJvm.GATEWAY_HEAP), gateway.toString());
        assertFalse(gateway.contains("-Xmx128m"), gateway.toString());
        assertFalse(gateway.stream().anyMatch(o -> o.startsWith("-XX:TieredStopAtLevel")), gateway.toString());
    }

    /** The gateway's young generation is sized for a busy hop from the start; the JDK takes the options as meant. */
    @Test
    void thisJdkGivesTheGatewayALargeYoungGenerationAndNo128MibCap() throws Exception {
        Map<String, String> flags = finalFlags(SmallJvm.options(ServiceSpec.GATEWAY, Runtime.version()));

        assertEquals(64L << 20, Long.parseLong(flags.get("NewSize")), "NewSize");
        assertEquals(64L << 20, Long.parseLong(flags.get("MaxNewSize")), "MaxNewSize");
        assertEquals(256L << 20, Long.parseLong(flags.get("MaxHeapSize")), "MaxHeapSize");
        assertEquals("true", flags.get("UseSerialGC"));
        assertEquals("4", flags.get("TieredStopAtLevel"));
    }

    @Test
    void theNativeHeapIsTrimmedOnlyOnJdksThatKnowTheOption() {
        assertTrue(SmallJvm.canTrimNativeHeap(Runtime.Version.parse("17.0.9")));
        assertFalse(SmallJvm.canTrimNativeHeap(Runtime.Version.parse("17.0.8")));
        assertFalse(SmallJvm.canTrimNativeHeap(Runtime.Version.parse("19.0.2")));
        assertFalse(SmallJvm.canTrimNativeHeap(Runtime.Version.parse("21")));
        assertTrue(SmallJvm.canTrimNativeHeap(Runtime.Version.parse("21.0.1")));
        assertTrue(SmallJvm.canTrimNativeHeap(Runtime.Version.parse("23")));
        assertFalse(SmallJvm.options(ServiceSpec.MEMBERSHIP, Runtime.Version.parse("17.0.8")).contains(SmallJvm.TRIM_NATIVE_HEAP));
    }

    @Test
    void mallocArenasAreLimited() {
        assertEquals(Map.of("MALLOC_ARENA_MAX", "2"), SmallJvm.ENVIRONMENT);
    }

    /** The JDK the launcher runs on accepts the options and starts with a small heap, not a committed -Xmx. */
    @Test
    void thisJdkStartsWithTheServiceOptionsAndASmallInitialHeap() throws Exception {
        Map<String, String> flags = finalFlags(SmallJvm.options(ServiceSpec.MEMBERSHIP, Runtime.version()));

        assertEquals(32L << 20, Long.parseLong(flags.get("InitialHeapSize")), "InitialHeapSize");
        assertEquals(96L << 20, Long.parseLong(flags.get("MetaspaceSize")), "MetaspaceSize");
        assertEquals(128L << 20, Long.parseLong(flags.get("MaxHeapSize")), "MaxHeapSize");
        assertEquals("true", flags.get("UseSerialGC"));
        assertEquals("1", flags.get("TieredStopAtLevel"));
        assertEquals("40", flags.get("MaxHeapFreeRatio"));
    }

    /** A JDK 25 when installed (what GOVTECH_JAVA_HOME may name), else the launcher's, takes the options as meant. */
    @Test
    void theNewestJdkStartsWithTheServiceAndGatewayOptions() throws Exception {
        RuntimeJdk runtime = RuntimeJdk.newestWithAotCache().orElseGet(RuntimeJdk::current);
        Map<String, String> service = finalFlags(runtime.java(), SmallJvm.options(ServiceSpec.MEMBERSHIP, runtime.version()));
        Map<String, String> gateway = finalFlags(runtime.java(), SmallJvm.options(ServiceSpec.GATEWAY, runtime.version()));

        assertEquals(32L << 20, Long.parseLong(service.get("InitialHeapSize")), "InitialHeapSize");
        assertEquals(128L << 20, Long.parseLong(service.get("MaxHeapSize")), "MaxHeapSize");
        assertEquals("true", service.get("UseSerialGC"));
        assertEquals("1", service.get("TieredStopAtLevel"));
        assertEquals(64L << 20, Long.parseLong(gateway.get("NewSize")), "NewSize");
        assertEquals("4", gateway.get("TieredStopAtLevel"));
    }

    private static Map<String, String> finalFlags(List<String> options) throws IOException, InterruptedException {
        return finalFlags(Path.of(System.getProperty("java.home"), "bin", "java"), options);
    }

    private static Map<String, String> finalFlags(Path javaBinary, List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(options);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(60, TimeUnit.SECONDS), "java -version did not end");
        assertEquals(0, java.exitValue(), out);
        Matcher flag = Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+:?=\\s+(\\S+)", Pattern.MULTILINE).matcher(out);
        Map<String, String> flags = new java.util.HashMap<>();
        while (flag.find()) {
            flags.put(flag.group(1), flag.group(2));
        }
        return flags;
    }
}
