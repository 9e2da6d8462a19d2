package io.dceff.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A district of Shanghai by its GB/T 2260 code; reference data seeded by the first migration. */
@Entity
@Table(name = "district")
public class District extends PanacheEntityBase {
    @Id
    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;
}
