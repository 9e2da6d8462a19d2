package io.dceff.platform.security;

import io.dceff.platform.DceffConfig;
import io.dceff.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: subject, roles and organization from the bearer token. Ownership rules live here so
 * every capability checks them the same way.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    DceffConfig config;

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /**
     * The organization code of the {@code org} claim (or the one configured), if any. A list of exactly
     * one value is that value: identity providers often map a user attribute to a list.
     */
    public Optional<String> organization() {
        Object org = token == null ? null : token.getClaim(config.security().orgClaim());
        if (org instanceof JsonArray list && list.size() == 1) {
            org = list.get(0);
        }
        if (org instanceof JsonString text) {
            org = text.getString();
        }
        return Optional.ofNullable(org)
                .filter(o -> !(o instanceof JsonArray))
                .map(Object::toString)
                .filter(s -> !s.isBlank());
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** Regulators and admins see and change every organization's data. */
    public boolean seesEverything() {
        return is(Roles.REGULATOR) || is(Roles.ADMIN);
    }

    /**
     * The organization whose data an operator or carrier is limited to, empty for regulators and admins.
     * A token of an operator or carrier without an {@code org} claim is refused.
     */
    public Optional<String> restrictedToOrganization() {
        if (seesEverything()) {
            return Optional.empty();
        }
        return Optional.of(organization()
                .orElseThrow(() -> ProblemException.forbidden("Your token names no organization (the \"org\" claim)")));
    }

    /** The caller as a value for the services. */
    public Actor actor() {
        return new Actor(subject(), restrictedToOrganization());
    }
}
