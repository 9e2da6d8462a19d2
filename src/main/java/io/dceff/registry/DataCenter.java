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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** One site with its own power and cooling, identified by the regulator-assigned {@code code}. */
@Entity
@Table(name = "data_center")
public class DataCenter extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;
    public String name;

    @Column(name = "operator_code")
    public String operatorCode;

    @Column(name = "district_code")
    public String districtCode;

    public String address;

    /** Capacity in standard racks of 2.5 kW (the MIIT convention). */
    public int racks;

    @Column(name = "commissioned_on")
    public LocalDate commissionedOn;

    @Enumerated(EnumType.STRING)
    public DataCenterStatus status;

    @Column(name = "design_pue")
    public BigDecimal designPue;

    @Column(name = "it_capacity_kw")
    public BigDecimal itCapacityKw;

    @Column(name = "cooling_type")
    public String coolingType;

    @Column(name = "waste_heat_reuse")
    public boolean wasteHeatReuse;

    @Column(name = "zero_carbon")
    public boolean zeroCarbon;

    /** When it was certified zero-carbon; set exactly when {@link #zeroCarbon} is. */
    @Column(name = "zero_carbon_certified_on")
    public LocalDate zeroCarbonCertifiedOn;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    public static Optional<DataCenter> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
