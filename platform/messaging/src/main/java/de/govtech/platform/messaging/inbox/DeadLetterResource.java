package de.govtech.platform.messaging.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Operations endpoint of every service that consumes events: {@code POST <rest root>/admin/dead-letters/replay}
 * re-applies the service's dead-lettered records (see {@link DeadLetterReplay}). Platform admins only; not part of
 * the public API document.
 */
@Path("/admin/dead-letters")
public class DeadLetterResource {

    private final DeadLetterReplay replay;

    public DeadLetterResource(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @POST
    @Path("/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("platform-admin")
    @Operation(hidden = true)
    public ReplayReport replay() {
        return replay.replayAll();
    }
}
