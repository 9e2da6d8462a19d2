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
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Gives every request an id ({@code X-Request-Id}: the caller's, when it is a sane one, else a new UUID),
 * echoed in the answer, and writes an audit event for every write (POST, PUT, PATCH, DELETE) that
 * succeeded, linked to the data center in its path and to those the write named ({@link AuditScope}).
 * The event is written after the write's own transaction has committed; if the database fails in
 * between, the write stands and the failure is logged with the request id.
 */
@Provider
public class AuditFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Logger LOG = Logger.getLogger(AuditFilter.class);

    @Inject
    AuditTrail trail;

    @Inject
    AuditScope scope;

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(REQUEST_ID);
        request.setProperty(REQUEST_ID, given != null && SANE_ID.matcher(given).matches() ? given
                : UUID.randomUUID().toString());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(REQUEST_ID);
        if (id == null) {
            return;
        }
        response.getHeaders().putSingle(REQUEST_ID, id);
        if (!WRITES.contains(request.getMethod()) || response.getStatus() >= 300
                || response.getHeaders().containsKey(io.dceff.platform.idempotency.Idempotency.REPLAYED)
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        UriInfo uri = request.getUriInfo();
        Set<String> dataCenters = new TreeSet<>(scope.dataCenters());
        String code = uri.getPathParameters().getFirst("code");
        if (code != null && (uri.getPath().startsWith("/api/v1/data-centers/")
                || uri.getPath().startsWith("/api/v1/closure-candidates/"))) {
            dataCenters.add(code);
        }
        String roles = Stream.of(Roles.OPERATOR, Roles.CARRIER, Roles.REGULATOR, Roles.ADMIN).filter(caller::is)
                .collect(Collectors.joining(","));
        try {
            trail.record(id.toString(), caller.subject(), caller.organization().orElse(null), roles,
                    request.getMethod(), uri.getPath(), response.getStatus(), dataCenters);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Audit event of request %s (%s %s by %s) not stored", id, request.getMethod(),
                    uri.getPath(), caller.subject());
        }
    }
}
