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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One entry of a data center's status history; never updated or deleted. */
@Entity
@Table(name = "data_center_status_change")
public class StatusChange extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "data_center_id")
    public Long dataCenterId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public DataCenterStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public DataCenterStatus toStatus;

    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    public String note;

    public static List<StatusChange> historyOf(long dataCenterId) {
        return list("dataCenterId = ?1 order by changedAt, id", dataCenterId);
    }
}
