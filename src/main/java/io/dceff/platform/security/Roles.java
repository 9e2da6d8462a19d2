package io.dceff.platform.security;

/** The roles of the JWT {@code groups} claim (API.md, Authentication and roles). */
public final class Roles {
    public static final String OPERATOR = "operator";
    public static final String CARRIER = "carrier";
    public static final String REGULATOR = "regulator";
    public static final String ADMIN = "admin";

    private Roles() {}
}
