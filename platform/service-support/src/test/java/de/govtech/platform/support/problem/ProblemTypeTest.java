package de.govtech.platform.support.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemTypeTest {

    @Test
    void serviceKindsLiveUnderTheCommonBase() {
        ProblemType alreadyMember = ProblemType.of("already-member", "Municipality is already a member", 409);

        assertEquals(URI.create("https://govtech-kommunal.de/problems/already-member"), alreadyMember.type());
        assertEquals("already-member", alreadyMember.kind());
    }

    @Test
    void kindsAreLowerCaseWordsJoinedByHyphens() {
        assertThrows(IllegalArgumentException.class, () -> ProblemType.of("AlreadyMember", "x", 409));
        assertThrows(IllegalArgumentException.class, () -> ProblemType.of("already member", "x", 409));
        assertThrows(IllegalArgumentException.class, () -> ProblemType.of("ok", "x", 200));
    }

    @Test
    void statusesMapToTheCommonKindsOrToAboutBlank() {
        assertEquals(ProblemType.NOT_FOUND, ProblemType.forStatus(404));
        assertEquals(ProblemType.MALFORMED_REQUEST, ProblemType.forStatus(400));
        ProblemType gone = ProblemType.forStatus(410);
        assertEquals(ProblemType.ABOUT_BLANK, gone.type());
        assertEquals("Gone", gone.title());
    }

    @Test
    void domainProblemsCarryTheirKindAndField() {
        DomainProblemException e = DomainProblemException.unprocessable("Notice period has passed", "effectiveDate");

        Problem problem = e.toProblem();

        assertEquals(422, problem.status());
        assertEquals(ProblemType.UNPROCESSABLE_CONTENT.type(), problem.type());
        assertEquals("Notice period has passed", problem.detail());
        assertEquals("effectiveDate", problem.errors().get(0).field());
        assertEquals(0, e.getStackTrace().length);
        assertEquals("Municipality 42 was not found", DomainProblemException.notFound("Municipality", 42).detail());
    }

    @Test
    void serializesAsRfc9457MembersLeavingOutEmptyOnes() throws Exception {
        Problem problem = Problem.of(ProblemType.CONFLICT, "Already applied").withInstance(URI.create("/api/v1/membership/applications"));

        String json = new ObjectMapper().writeValueAsString(problem);

        assertEquals("{\"type\":\"https://govtech-kommunal.de/problems/conflict\",\"title\":\"Conflict with the current state\","
                + "\"status\":409,\"detail\":\"Already applied\",\"instance\":\"/api/v1/membership/applications\"}", json);
    }
}
