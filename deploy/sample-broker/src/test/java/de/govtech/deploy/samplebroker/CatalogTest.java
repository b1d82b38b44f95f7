package de.govtech.deploy.samplebroker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTest {

    @Test
    void demoOffersBuergerserviceDemoWithBasisAndPremium() {
        Catalog demo = Catalog.demo();
        ServiceOffering service = demo.service("6f6b1b58-0d5e-4a35-9d5e-8f2f5f1c0d01").orElseThrow();
        assertEquals("buergerservice-demo", service.name());
        assertFalse(service.bindable());
        assertTrue(service.instancesRetrievable());
        assertEquals(List.of("basis", "premium"), service.plans().stream().map(ServicePlan::name).toList());
        assertEquals("6f6b1b58-0d5e-4a35-9d5e-8f2f5f1c0d02", service.plans().get(0).id());
        assertEquals("6f6b1b58-0d5e-4a35-9d5e-8f2f5f1c0d03", service.plans().get(1).id());
        assertTrue(service.plans().stream().allMatch(p -> p.behaviour() == Behaviour.SUCCEED));
    }

    @Test
    void fromJsonReadsTheOsbFormatWithTheBehaviourExtension(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("catalog.json");
        Files.writeString(file, """
                {"services":[{"id":"s1","name":"akten","description":"E-Akte","bindable":false,
                  "instances_retrievable":true, "metadata":{"displayName":"E-Akte"},
                  "plans":[{"id":"p1","name":"klein","description":"bis 1000","free":true},
                           {"id":"p2","name":"gross","description":"ab 1000","free":false,"x-behaviour":"fail_async"},
                           {"id":"p3","name":"kaputt","description":"500","x-behaviour":"FAIL-5XX"}]}]}
                """);
        Catalog catalog = Catalog.fromJson(file);
        assertEquals(Behaviour.SUCCEED, catalog.plan("p1").orElseThrow().behaviour());
        assertEquals(Behaviour.FAIL_ASYNC, catalog.plan("p2").orElseThrow().behaviour());
        assertEquals(Behaviour.FAIL_5XX, catalog.plan("p3").orElseThrow().behaviour());
        assertFalse(catalog.plan("p2").orElseThrow().free());
        assertTrue(catalog.service("s1").orElseThrow().instancesRetrievable());
    }

    @Test
    void aBrokenCatalogIsRefusedNamingTheProblem() {
        assertMessage("\"services\"", "{}");
        assertMessage("not JSON", "{");
        assertMessage("\"name\"", "{\"services\":[{\"id\":\"s\",\"description\":\"d\",\"plans\":[]}]}");
        assertMessage("no plans", "{\"services\":[{\"id\":\"s\",\"name\":\"n\",\"description\":\"d\",\"plans\":[]}]}");
        assertMessage("x-behaviour", "{\"services\":[{\"id\":\"s\",\"name\":\"n\",\"description\":\"d\",\"plans\":"
                + "[{\"id\":\"p\",\"name\":\"p\",\"description\":\"d\",\"x-behaviour\":\"EXPLODE\"}]}]}");
        assertMessage("duplicate plan id", "{\"services\":[{\"id\":\"s\",\"name\":\"n\",\"description\":\"d\",\"plans\":"
                + "[{\"id\":\"p\",\"name\":\"a\",\"description\":\"d\"},{\"id\":\"p\",\"name\":\"b\",\"description\":\"d\"}]}]}");
    }

    @Test
    void aMissingFileIsReportedWithItsPath(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        Exception e = assertThrows(RuntimeException.class, () -> Catalog.fromJson(missing));
        assertTrue(e.getMessage().contains(missing.toString()));
    }

    private static void assertMessage(String expected, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Catalog.parse(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
