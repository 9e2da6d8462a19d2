package io.dceff.platform.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** The data centers a write touched beyond the one in its path (a batch names many), for the audit trail. */
@RequestScoped
public class AuditScope {

    private final Set<String> dataCenters = new TreeSet<>();

    public void touched(Collection<String> codes) {
        dataCenters.addAll(codes);
    }

    public void touched(String code) {
        dataCenters.add(code);
    }

    Set<String> dataCenters() {
        return dataCenters;
    }
}
