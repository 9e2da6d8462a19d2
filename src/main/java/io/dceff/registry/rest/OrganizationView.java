package io.dceff.registry.rest;

import io.dceff.registry.Organization;
import io.dceff.registry.OrganizationKind;
import java.time.Instant;

public record OrganizationView(String code, String name, OrganizationKind kind, String creditCode, Instant createdAt) {
    public static OrganizationView of(Organization o) {
        return new OrganizationView(o.code, o.name, o.kind, o.creditCode, o.createdAt);
    }
}
