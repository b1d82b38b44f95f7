package de.govtech.solutions.reuse;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A municipality taking part in a reuse agreement, with its cost shares (cents) when costs are split. */
@Entity
@Table(name = "agreement_participant")
@IdClass(AgreementParticipant.Key.class)
class AgreementParticipant extends PanacheEntityBase {

    static class Key implements Serializable {
        UUID agreementId;
        UUID municipalityId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(agreementId, key.agreementId)
                    && Objects.equals(municipalityId, key.municipalityId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(agreementId, municipalityId);
        }
    }

    @Id
    @Column(name = "agreement_id")
    public UUID agreementId;

    @Id
    @Column(name = "municipality_id")
    public UUID municipalityId;

    @Column(nullable = false)
    public String name;

    public Integer population;

    @Column(name = "development_share_cents")
    public Long developmentShareCents;

    @Column(name = "operating_share_cents")
    public Long operatingShareCents;

    static List<AgreementParticipant> of(UUID agreementId) {
        return list("agreementId = ?1 order by municipalityId", agreementId);
    }
}
