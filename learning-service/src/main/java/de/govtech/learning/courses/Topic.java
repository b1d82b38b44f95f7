package de.govtech.learning.courses;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An entry of the managed topic list (KI, Cloud, Cybersecurity, …). */
@Entity
@Table(name = "topic")
public class Topic extends PanacheEntityBase {

    @Id
    public String code;
    @Column(nullable = false)
    public String label;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
