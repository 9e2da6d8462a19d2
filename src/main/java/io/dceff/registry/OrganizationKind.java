package io.dceff.registry;

public enum OrganizationKind {
    OPERATOR,
    CARRIER
}
