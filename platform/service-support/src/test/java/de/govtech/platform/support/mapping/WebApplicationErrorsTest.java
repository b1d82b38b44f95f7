package de.govtech.platform.support.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import de.govtech.platform.support.problem.Problem;
import de.govtech.platform.support.problem.ProblemType;

class WebApplicationErrorsTest {

    @Test
    void frameworkExceptionsKeepTheirStatusWithAGenericDetail() {
        Problem problem = WebApplicationErrors.toProblem(new NotFoundException());

        assertEquals(ProblemType.NOT_FOUND.type(), problem.type());
        assertEquals(404, problem.status());
        assertEquals("No resource exists at this path.", problem.detail());
        assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE.type(), WebApplicationErrors.toProblem(new NotSupportedException()).type());
    }

    @Test
    void aMessageWrittenByAResourceIsTheDetail() {
        assertEquals("Course 7 has no workshop", WebApplicationErrors.toProblem(new NotFoundException("Course 7 has no workshop")).detail());
    }

    @Test
    void protocolHeadersSurviveButTheEntityIsReplaced() {
        NotAllowedException e = new NotAllowedException("GET", new String[] { "POST" });
        Problem problem = WebApplicationErrors.toProblem(e);

        Response response = WebApplicationErrors.toResponse(e, problem);

        assertEquals(405, response.getStatus());
        assertEquals(ProblemType.METHOD_NOT_ALLOWED.type(), problem.type());
        assertEquals(Problem.MEDIA_TYPE_VALUE, response.getMediaType());
        assertEquals(2, response.getAllowedMethods().size());
        assertEquals(problem, response.getEntity());
    }

    @Test
    void serverSideMessagesAreNotExposed() {
        Problem problem = WebApplicationErrors.toProblem(new ServiceUnavailableException("pool exhausted at db-3"));

        assertEquals(503, problem.status());
        assertEquals("The service could not complete the request.", problem.detail());
        assertNull(problem.instance());
    }
}
