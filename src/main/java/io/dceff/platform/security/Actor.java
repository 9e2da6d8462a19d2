package io.dceff.platform.security;

import io.dceff.platform.problem.ProblemException;
import java.util.Optional;

/**
 * Who acts, as a plain value the services can check: the subject recorded in histories, and the one
 * organization an operator or carrier is limited to (empty for regulators, admins and the system).
 */
public record Actor(String subject, Optional<String> restrictedTo) {

    public static Actor system(String what) {
        return new Actor(what, Optional.empty());
    }

    public boolean mayAccess(String ownerCode) {
        return restrictedTo.map(org -> org.equals(ownerCode)).orElse(true);
    }

    /** 403 when an operator or carrier touches another organization's data. */
    public void requireAccess(String ownerCode) {
        if (!mayAccess(ownerCode)) {
            throw ProblemException.forbidden("This belongs to another organization");
        }
    }
}
