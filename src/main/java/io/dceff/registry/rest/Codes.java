package io.dceff.registry.rest;

/** The shape of every code a client assigns (organizations, data centers, sites). */
public final class Codes {
    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$";
    public static final String MESSAGE =
            "must be 1–32 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private Codes() {}
}
