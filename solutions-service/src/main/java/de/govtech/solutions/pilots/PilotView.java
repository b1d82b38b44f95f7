package de.govtech.solutions.pilots;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Pilot", description = "A solution's pilot: plan, tech partners, pilot municipalities and status notes", examples = """
        {"solutionId": "0b7c5c1e-6a57-4c39-9a53-0c2f0e7d1a11", "startDate": "2027-03-01",
         "milestones": [{"title": "Prototyp", "dueDate": "2027-06-30"}],
         "partners": [{"id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "name": "Beispiel Software GmbH", "role": "DEVELOPER"}],
         "municipalities": [{"municipalityId": "6b2c0000-0000-4000-8000-00000000000a", "role": "LEAD"}],
         "notes": [{"text": "Prototyp läuft", "author": "c3d4", "at": "2027-04-02T08:00:00Z"}],
         "createdBy": "c3d4", "createdAt": "2027-02-01T08:00:00Z"}""")
public record PilotView(UUID solutionId, LocalDate startDate, List<PilotRequests.Milestone> milestones,
                        List<PartnerView> partners, List<MunicipalityView> municipalities, List<NoteView> notes,
                        String createdBy, Instant createdAt) {

    @Schema(name = "TechPartner", description = "A tech partner of a pilot", examples = """
            {"id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "name": "Beispiel Software GmbH", "role": "DEVELOPER"}""")
    public record PartnerView(UUID id, String name, PartnerRole role) {
    }

    @Schema(name = "PilotMunicipality", description = "A pilot municipality", examples = """
            {"municipalityId": "6b2c0000-0000-4000-8000-00000000000a", "role": "LEAD"}""")
    public record MunicipalityView(UUID municipalityId, MunicipalityRole role) {
    }

    @Schema(name = "PilotNote", description = "A status note, oldest first", examples = """
            {"text": "Prototyp läuft", "author": "c3d4", "at": "2027-04-02T08:00:00Z"}""")
    public record NoteView(String text, String author, Instant at) {
    }

    static PilotView of(Pilot pilot) {
        return new PilotView(pilot.solutionId, pilot.startsOn,
                PilotMilestone.<PilotMilestone>list("solutionId = ?1 order by position", pilot.solutionId).stream()
                        .map(m -> new PilotRequests.Milestone(m.title, m.dueOn)).toList(),
                PilotPartner.<PilotPartner>list("solutionId = ?1 order by name, id", pilot.solutionId).stream()
                        .map(p -> new PartnerView(p.id, p.name, p.role)).toList(),
                PilotMunicipality.<PilotMunicipality>list("solutionId = ?1 order by role, municipalityId", pilot.solutionId).stream()
                        .map(m -> new MunicipalityView(m.municipalityId, m.role)).toList(),
                PilotNote.<PilotNote>list("solutionId = ?1 order by writtenAt, id", pilot.solutionId).stream()
                        .map(n -> new NoteView(n.text, n.author, n.writtenAt)).toList(),
                pilot.createdBy, pilot.createdAt);
    }
}
