package io.dceff.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** A data-center operator or a telecom carrier, known by its code and unified social credit code. */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;
    public String name;

    @Enumerated(EnumType.STRING)
    public OrganizationKind kind;

    @Column(name = "credit_code")
    public String creditCode;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Version
    public int version;

    public static Optional<Organization> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
