package de.govtech.learning.recommendations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An app provisioned for a municipality (one live marketplace subscription). Written only from marketplace events. */
@Entity
@Table(name = "provisioned_app")
public class ProvisionedApp extends PanacheEntityBase {

    @Id
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "app_id", nullable = false)
    public UUID appId;
    @Column(name = "municipality_id", nullable = false)
    public UUID municipalityId;
    @Column(name = "provisioned_at", nullable = false)
    public Instant provisionedAt;
}
