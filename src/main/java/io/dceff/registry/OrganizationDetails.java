package io.dceff.registry;

/** An organization as registered: its code, name, kind and unified social credit code (checked on registration). */
public record OrganizationDetails(String code, String name, OrganizationKind kind, String creditCode) {}
