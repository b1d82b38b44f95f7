package de.govtech.membership.memberships;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The configured cron of the end-due job (off in tests) is a valid Quartz cron that runs daily at 00:15. */
class EndDueCronTest {

    @Test
    void theDefaultCronRunsDailyShortlyAfterMidnight() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String cron = properties.getProperty("govtech.membership.end-due-cron");
        assertEquals("off", properties.getProperty("%test.govtech.membership.end-due-cron"));
        ExecutionTime schedule = ExecutionTime.forCron(new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ))
                .parse(cron).validate());
        ZonedDateTime evening = ZonedDateTime.of(2026, 9, 30, 23, 0, 0, 0, ZoneId.of("Europe/Berlin"));
        ZonedDateTime next = schedule.nextExecution(evening).orElseThrow();
        assertEquals(ZonedDateTime.of(2026, 10, 1, 0, 15, 0, 0, ZoneId.of("Europe/Berlin")), next);
        assertEquals(next.plusDays(1), schedule.nextExecution(next).orElseThrow());
    }
}
