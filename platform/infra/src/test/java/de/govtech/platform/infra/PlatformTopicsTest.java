package de.govtech.platform.infra;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformTopicsTest {

    @Test
    void listsEventAndDeadLetterTopicsOfEveryService() {
        List<TopicSpec> topics = PlatformTopics.all();
        assertEquals(8, topics.size());
        for (String service : List.of("membership", "learning", "solutions", "marketplace")) {
            // membership facts (who is a member) must outlive any projection rebuild; dead letters wait for a replay
            Duration eventRetention = service.equals("membership") ? null : Duration.ofDays(7);
            assertTrue(topics.contains(new TopicSpec(service + ".events", 3, eventRetention)), service);
            assertTrue(topics.contains(new TopicSpec(service + ".dead-letter", 1, null)), service);
        }
    }

    @Test
    void parsesALine() {
        assertEquals(new TopicSpec("a.b", 2, Duration.ofHours(5)), PlatformTopics.parse("a.b=partitions=2, retention=PT5H"));
    }
}
