package io.dceff.platform.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the audit trail records of the current request: who and what (set by {@link AuditFilter} when
 * the request arrives) and the data centers the write touched (the one in its path, and those it names).
 */
@RequestScoped
public class AuditScope {

    /** The request as the audit trail shows it. */
    public record Request(
            String requestId, String subject, String organization, String roles, String method, String path) {}

    private final Set<String> dataCenters = new TreeSet<>();
    private Request request;
    private int depth;

    void arrived(Request request, String pathDataCenter) {
        this.request = request;
        if (pathDataCenter != null) {
            dataCenters.add(pathDataCenter);
        }
    }

    public void touched(Collection<String> codes) {
        dataCenters.addAll(codes);
    }

    public void touched(String code) {
        dataCenters.add(code);
    }

    Optional<Request> request() {
        return Optional.ofNullable(request);
    }

    Set<String> dataCenters() {
        return dataCenters;
    }

    /** @return true for the outermost audited call of the request */
    boolean begin() {
        return depth++ == 0;
    }

    void end() {
        depth--;
    }
}
