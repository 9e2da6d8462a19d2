package io.dceff.platform.audit;

import io.dceff.platform.security.Caller;
import io.dceff.platform.security.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Gives every request an id ({@code X-Request-Id}: the caller's, when it is a sane one, else a new UUID),
 * echoed in the answer, and tells the audit trail who makes a write and on what; the event itself is
 * written by {@link AuditInterceptor} inside the write's transaction.
 */
@Provider
public class AuditFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    AuditScope scope;

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(REQUEST_ID);
        String id = given != null && SANE_ID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        request.setProperty(REQUEST_ID, id);
        UriInfo uri = request.getUriInfo();
        if (!WRITES.contains(request.getMethod()) || !uri.getPath().startsWith("/api/")) {
            return;
        }
        String code = uri.getPathParameters().getFirst("code");
        boolean dataCenterPath = uri.getPath().startsWith("/api/v1/data-centers/")
                || uri.getPath().startsWith("/api/v1/closure-candidates/");
        String roles = Stream.of(Roles.OPERATOR, Roles.CARRIER, Roles.REGULATOR, Roles.ADMIN)
                .filter(caller::is)
                .collect(Collectors.joining(","));
        scope.arrived(
                new AuditScope.Request(
                        id,
                        caller.subject(),
                        caller.organization().orElse(null),
                        roles,
                        request.getMethod(),
                        uri.getPath()),
                dataCenterPath ? code : null);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(REQUEST_ID);
        if (id != null) {
            response.getHeaders().putSingle(REQUEST_ID, id);
        }
    }
}
